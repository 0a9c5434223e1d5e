/** Pure data shared by the schema, the server and the browser bundle. */
export const STAFF_ROLES = ["admin", "director", "head_manager", "manager", "call_center", "content_moderator"] as const;
export const ROLES = [...STAFF_ROLES, "buyer", "supplier"] as const;
export const USER_KINDS = ["staff", "buyer", "supplier"] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];
export type UserKind = (typeof USER_KINDS)[number];

export function kindOfRole(role: Role): UserKind {
  if (role === "buyer") return "buyer";
  if (role === "supplier") return "supplier";
  return "staff";
}

export function isStaffRole(role: Role): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
