import type { Permission } from "./permissions";

/**
 * Who may call each route handler under app/api (the pages ask `requirePermission`, the tRPC
 * procedures their meta). Keys are the route's folder under app/api. The role × route matrix test
 * (tests/integration/reliability-access-matrix.test.ts) fails for a route file missing here.
 * - public: anyone (health checks, the login itself, which next-auth guards with its CSRF token)
 * - machine: no session; the caller proves itself with an API key or a signature
 * - permission: a signed-in user whose role holds the permission (or one of several) in the one permission map
 * - procedures: the tRPC endpoint; each procedure states its own access
 * - disabled: answers 404 unless a benchmark switches it on
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "machine"; proof: "api-key" | "signature" | "exchange-login" }
  | { kind: "permission"; permission: Permission | readonly Permission[] }
  | { kind: "procedures" }
  | { kind: "disabled" };

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  "1c/exchange": { kind: "machine", proof: "exchange-login" },
  "auth/[...nextauth]": { kind: "public" },
  "b2b/cart-export": { kind: "permission", permission: "buyer.cabinet" },
  "b2b/cart-offer-pdf": { kind: "permission", permission: "buyer.cabinet" },
  "b2b/quotes/[id]/pdf": { kind: "permission", permission: "buyer.cabinet" },
  "claims/files/[id]": { kind: "permission", permission: ["buyer.cabinet", "claims.manage"] },
  "b2b/documents/[id]": { kind: "permission", permission: ["buyer.cabinet", "b2bOrders.view"] },
  "b2b/orders/[id]/invoice": { kind: "permission", permission: ["buyer.cabinet", "b2bOrders.view"] },
  "b2b/price-list": { kind: "permission", permission: "buyer.cabinet" },
  "b2b/quick-order-template": { kind: "permission", permission: "buyer.cabinet" },
  "bench/intake-baseline": { kind: "disabled" },
  "callbacks/[processor]": { kind: "machine", proof: "signature" },
  "feeds/[token]": { kind: "machine", proof: "api-key" },
  "feeds/files/[id]": { kind: "permission", permission: "feeds.manage" },
  health: { kind: "public" },
  "media/[...key]": { kind: "public" },
  orders: { kind: "machine", proof: "api-key" },
  "orders/export": { kind: "permission", permission: "orders.export" },
  "quotes/[id]/pdf": { kind: "permission", permission: "quotes.manage" },
  "shippers/[id]/tracking": { kind: "machine", proof: "signature" },
  "supplier/documents/[id]": { kind: "permission", permission: ["supplier.cabinet", "buyer.cabinet", "b2bOrders.view"] },
  "supplier/statements/[id]/xlsx": { kind: "permission", permission: ["supplier.cabinet", "suppliers.finance"] },
  "supplier/statistics": { kind: "permission", permission: "supplier.cabinet" },
  "statistics/export": { kind: "permission", permission: "statistics.view" },
  "trpc/[trpc]": { kind: "procedures" },
  "v1/catalog/products": { kind: "machine", proof: "api-key" },
  "v1/catalog/products/[sku]": { kind: "machine", proof: "api-key" },
  "v1/catalog/properties": { kind: "machine", proof: "api-key" },
  "v1/catalog/sections": { kind: "machine", proof: "api-key" },
  "v1/openapi.json": { kind: "public" },
};
