import { can, type Permission } from "./permissions";
import type { Role, UserKind } from "./roles";

export interface CabinetUser {
  kind: UserKind;
  role: Role;
  supplierCabinet?: boolean;
}

/**
 * Who the user acts as in an area. Roles decide everywhere, with one widening: membership of an
 * approved supplier gives the supplier cabinet to a user of another kind (a buyer who also
 * supplies), acting there as a "supplier". The rows stay scoped by requireActiveSupplier.
 */
export function actingAs(user: CabinetUser, audience: UserKind): { kind: UserKind; role: Role } {
  if (audience === "supplier" && user.supplierCabinet && user.kind !== "supplier") return { kind: "supplier", role: "supplier" };
  return { kind: user.kind, role: user.role };
}

/** May this user enter the area of `kind` (layouts of the staff, buyer and supplier faces)? */
export function mayEnterArea(user: CabinetUser, kind: UserKind): boolean {
  return actingAs(user, kind).kind === kind;
}

/** The page-level check: the role holds the permission, or the supplier membership does. */
export function userCan(user: CabinetUser, permission: Permission): boolean {
  return can(user.role, permission) || (user.kind !== "supplier" && Boolean(user.supplierCabinet) && can("supplier", permission));
}
