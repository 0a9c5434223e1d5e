import type { Role } from "./roles";

/**
 * The one permission map. Procedures, route handlers, pages and the menu all ask it; nothing
 * else lists roles. Adding an area means adding its permission here first.
 */
export const PERMISSIONS = {
  "dashboard.view": ["admin", "director", "head_manager", "manager"],
  "orders.view": ["admin", "director", "head_manager", "manager", "call_center"],
  "orders.manage": ["admin", "director", "head_manager", "manager"],
  "orders.callCenter": ["call_center"],
  "orders.export": ["admin", "director", "head_manager", "manager"],
  "customers.view": ["admin", "director", "head_manager", "manager"],
  "customers.manage": ["admin", "director", "head_manager", "manager"],
  "customers.assign": ["admin", "director", "head_manager"],
  "catalog.view": ["admin", "director", "head_manager", "manager", "content_moderator"],
  "moderation.review": ["admin", "content_moderator"],
  /** Supplier applications and suppliers: "moderated by the administrator" (seed 004). */
  "suppliers.review": ["admin", "director"],
  "companies.view": ["admin", "director", "head_manager", "manager"],
  "companies.manage": ["admin", "director", "head_manager", "manager"],
  "companies.applications": ["admin", "director", "head_manager", "manager"],
  "regions.manage": ["admin"],
  "users.manage": ["admin"],
  "shops.manage": ["admin"],
  "fx.manage": ["admin"],
  "emails.manage": ["admin"],
  "mail.view": ["admin", "director", "head_manager", "manager"],
  "settings.manage": ["admin"],
  "processors.manage": ["admin"],
  "shippers.manage": ["admin"],
  "pricing.manage": ["admin", "director"],
  "pricing.check": ["admin", "director", "head_manager", "manager"],
  "buyer.cabinet": ["buyer"],
  "supplier.cabinet": ["supplier"],
  "b2bOrders.view": ["admin", "director", "head_manager", "manager"],
  "b2bOrders.manage": ["admin", "director", "head_manager", "manager"],
  "quotes.manage": ["admin", "director", "head_manager", "manager"],
  "claims.manage": ["admin", "director", "head_manager", "manager"],
  "clients.impersonate": ["admin", "director", "head_manager", "manager"],
  "account.self": ["admin", "director", "head_manager", "manager", "call_center", "content_moderator", "buyer", "supplier"],
  "exchange.manage": ["admin"],
  "feeds.manage": ["admin", "director", "content_moderator"],
  "webhooks.manage": ["admin"],
  "suppliers.finance": ["admin", "director"],
  "workplace.view": ["admin", "director", "head_manager", "manager"],
  "companies.assign": ["admin", "director", "head_manager"],
  "statistics.view": ["admin", "director", "head_manager", "manager"],
  /** Deep analytics (buyer activity, managers' orders by state): "available to administrators only" (seed 002); the director runs the business, so he sees them too. */
  "statistics.deep": ["admin", "director"],
  "audit.view": ["admin", "director"],
  "notifications.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/** Where each role lands after login. */
export const HOME_BY_ROLE: Record<Role, string> = {
  admin: "/dashboard",
  director: "/dashboard",
  head_manager: "/dashboard",
  manager: "/dashboard",
  call_center: "/orders",
  content_moderator: "/moderation",
  buyer: "/b2b",
  supplier: "/supplier",
};
