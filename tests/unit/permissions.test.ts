import { describe, expect, it } from "vitest";
import { navigationFor, permissionForPath } from "@/server/auth/navigation";
import { can, HOME_BY_ROLE, PERMISSIONS, rolesWith, type Permission } from "@/server/auth/permissions";
import { kindOfRole, ROLES, STAFF_ROLES, type Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { isAllowed, type Access } from "@/server/trpc/init";

const hrefsFor = (role: Role) => navigationFor(role).flatMap((section) => section.items.map((item) => item.href));
const permissions = Object.keys(PERMISSIONS) as Permission[];

function fakeSession(role: Role, kind = kindOfRole(role)): ActiveSession {
  return {
    sessionId: "s",
    remember: false,
    expiresAt: new Date(Date.now() + 60_000),
    user: { id: "00000000-0000-4000-8000-000000000000", kind, role, name: role, email: null, username: role, locale: "en", totpEnabled: false },
  };
}

describe("can", () => {
  it("follows the permission map", () => {
    expect(can("admin", "users.manage")).toBe(true);
    expect(can("admin", "settings.manage")).toBe(true);
    expect(can("director", "users.manage")).toBe(false);
    expect(can("call_center", "orders.view")).toBe(true);
    expect(can("call_center", "orders.manage")).toBe(false);
    expect(can("call_center", "orders.callCenter")).toBe(true);
    expect(can("manager", "orders.callCenter")).toBe(false);
    expect(can("content_moderator", "moderation.review")).toBe(true);
    expect(can("content_moderator", "dashboard.view")).toBe(false);
    expect(can("buyer", "buyer.cabinet")).toBe(true);
    expect(can("buyer", "supplier.cabinet")).toBe(false);
    expect(can("supplier", "orders.view")).toBe(false);
  });

  it("gives users.manage and settings.manage to admins only", () => {
    expect(rolesWith("users.manage")).toEqual(["admin"]);
    expect(rolesWith("settings.manage")).toEqual(["admin"]);
  });

  it("gives the deep sales analytics to admins and directors only (seed 002: for administrators)", () => {
    expect(rolesWith("statistics.deep")).toEqual(["admin", "director"]);
    for (const role of ["head_manager", "manager"] as const) expect(can(role, "statistics.view") && !can(role, "statistics.deep")).toBe(true);
  });

  it("lets every role manage its own account", () => {
    for (const role of ROLES) expect(can(role, "account.self")).toBe(true);
  });

  it("never gives a staff area to buyers or suppliers, nor a cabinet to staff", () => {
    for (const permission of permissions) {
      if (permission === "account.self") continue;
      const roles = rolesWith(permission);
      const kinds = new Set(roles.map(kindOfRole));
      expect(kinds.size, `${permission} mixes user kinds: ${roles.join(", ")}`).toBe(1);
    }
  });

  it("only names known roles", () => {
    for (const permission of permissions) {
      for (const role of rolesWith(permission)) expect(ROLES).toContain(role);
    }
  });
});

describe("navigationFor", () => {
  it("shows a call-center operator only Orders", () => {
    expect(hrefsFor("call_center")).toEqual(["/orders"]);
  });

  it("opens a manager's menu with his workplace, then the dashboard and sales statistics", () => {
    expect(hrefsFor("manager").slice(0, 3)).toEqual(["/workplace", "/dashboard", "/statistics"]);
    expect(hrefsFor("manager")).not.toContain("/settings/audit");
    expect(hrefsFor("director")).toContain("/settings/audit");
    expect(hrefsFor("director")).not.toContain("/settings/notifications");
    expect(hrefsFor("admin").slice(-2)).toEqual(["/settings/notifications", "/settings/audit"]);
  });

  it("shows a buyer only the buyer section", () => {
    const sections = navigationFor("buyer");
    expect(sections.map((s) => s.titleKey)).toEqual(["nav.section.buyer"]);
    expect(hrefsFor("buyer")).toEqual(["/b2b", "/b2b/catalog", "/b2b/cart", "/b2b/orders", "/b2b/quotes", "/b2b/claims", "/b2b/favorites", "/b2b/price-list", "/b2b/balance", "/b2b/company", "/b2b/api", "/b2b/news"]);
  });

  it("shows a supplier only the supplier section", () => {
    expect(hrefsFor("supplier")).toEqual(["/supplier", "/supplier/products", "/supplier/products/import", "/supplier/orders", "/supplier/statistics", "/supplier/finance", "/supplier/profile", "/supplier/news"]);
  });

  it("shows supplier finance to admins and directors only", () => {
    expect(hrefsFor("admin")).toContain("/supplier-finance");
    expect(hrefsFor("director")).toContain("/supplier-finance");
    for (const role of ["head_manager", "manager", "content_moderator", "call_center"] as const) expect(hrefsFor(role)).not.toContain("/supplier-finance");
  });

  it("shows an admin the users and security pages", () => {
    const hrefs = hrefsFor("admin");
    expect(hrefs).toContain("/settings/users");
    expect(hrefs).toContain("/settings/security");
    expect(navigationFor("admin").map((s) => s.titleKey)).toContain("nav.section.admin");
  });

  it("hides the admin section from every other role", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      const hrefs = hrefsFor(role);
      expect(hrefs).not.toContain("/settings/users");
      expect(hrefs).not.toContain("/settings/security");
    }
  });

  it("never shows an item the role may not open, nor an empty section", () => {
    for (const role of ROLES) {
      for (const section of navigationFor(role)) {
        expect(section.items.length).toBeGreaterThan(0);
        for (const item of section.items) expect(can(role, item.permission)).toBe(true);
      }
    }
  });
});

describe("permissionForPath", () => {
  it.each([
    ["/orders", "orders.view"],
    ["/orders/123", "orders.view"],
    ["/settings/users", "users.manage"],
    ["/settings/users/0f9e/edit", "users.manage"],
    ["/settings/security", "settings.manage"],
    ["/b2b/cart", "buyer.cabinet"],
    ["/supplier", "supplier.cabinet"],
    ["/supplier/orders/0f9e", "supplier.cabinet"],
    ["/supplier-finance", "suppliers.finance"],
    ["/moderation", "moderation.review"],
  ] as const)("%s needs %s", (path, permission) => {
    expect(permissionForPath(path)).toBe(permission);
  });

  it("does not match a mere name prefix", () => {
    expect(permissionForPath("/ordersx")).toBeUndefined();
    expect(permissionForPath("/b2bx")).toBeUndefined();
    expect(permissionForPath("/login")).toBeUndefined();
  });
});

describe("HOME_BY_ROLE", () => {
  it("sends every role to a page it may open", () => {
    for (const role of ROLES) {
      const permission = permissionForPath(HOME_BY_ROLE[role]);
      expect(permission, `home of ${role}`).toBeDefined();
      if (permission) expect(can(role, permission), `${role} → ${HOME_BY_ROLE[role]}`).toBe(true);
    }
  });
});

describe("isAllowed (tRPC access rule)", () => {
  const usersManage: Access = { kind: "permission", permission: "users.manage", audience: "staff" };

  it("refuses everyone when a procedure has no rule (fail closed)", () => {
    expect(isAllowed(undefined, null)).toBe("forbidden");
    expect(isAllowed(undefined, fakeSession("admin"))).toBe("forbidden");
  });

  it("lets anyone call a public procedure", () => {
    expect(isAllowed({ kind: "public" }, null)).toBe("ok");
  });

  it("asks anonymous callers to log in before anything else", () => {
    expect(isAllowed({ kind: "authenticated" }, null)).toBe("unauthenticated");
    expect(isAllowed(usersManage, null)).toBe("unauthenticated");
  });

  it("checks role and audience", () => {
    expect(isAllowed(usersManage, fakeSession("admin"))).toBe("ok");
    for (const role of STAFF_ROLES.filter((r) => r !== "admin")) expect(isAllowed(usersManage, fakeSession(role))).toBe("forbidden");
    expect(isAllowed({ kind: "permission", permission: "buyer.cabinet", audience: "buyer" }, fakeSession("buyer"))).toBe("ok");
    expect(isAllowed({ kind: "permission", permission: "buyer.cabinet", audience: "buyer" }, fakeSession("supplier"))).toBe("forbidden");
  });

  it("refuses a session whose user kind does not match the audience, whatever its role", () => {
    expect(isAllowed(usersManage, fakeSession("admin", "buyer"))).toBe("forbidden");
  });

  it("opens the supplier cabinet to a buyer who is a member of an approved supplier, and only that", () => {
    const supplierHome: Access = { kind: "permission", permission: "supplier.cabinet", audience: "supplier" };
    const buyer = fakeSession("buyer");
    expect(isAllowed(supplierHome, buyer)).toBe("forbidden");
    const supplyingBuyer = { ...buyer, user: { ...buyer.user, supplierCabinet: true } };
    expect(isAllowed(supplierHome, supplyingBuyer)).toBe("ok");
    // Still a buyer in the buyer cabinet, and never staff.
    expect(isAllowed({ kind: "permission", permission: "buyer.cabinet", audience: "buyer" }, supplyingBuyer)).toBe("ok");
    expect(isAllowed(usersManage, supplyingBuyer)).toBe("forbidden");
  });
});
