import type { Permission } from "./permissions";

/**
 * Who may call each route handler under app/api (the pages ask `requirePermission`, the tRPC
 * procedures their meta). Keys are the route's folder under app/api. The role × route matrix test
 * (tests/integration/reliability-access-matrix.test.ts) fails for a route file missing here.
 * - public: anyone (health checks, the login itself, which next-auth guards with its CSRF token)
 * - machine: no session; the caller proves itself with an API key or a signature
 * - permission: a signed-in user whose role holds the permission in the one permission map
 * - procedures: the tRPC endpoint; each procedure states its own access
 * - disabled: answers 404 unless a benchmark switches it on
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "machine"; proof: "api-key" | "signature" }
  | { kind: "permission"; permission: Permission }
  | { kind: "procedures" }
  | { kind: "disabled" };

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  "auth/[...nextauth]": { kind: "public" },
  "bench/intake-baseline": { kind: "disabled" },
  "callbacks/[processor]": { kind: "machine", proof: "signature" },
  health: { kind: "public" },
  orders: { kind: "machine", proof: "api-key" },
  "orders/export": { kind: "permission", permission: "orders.export" },
  "shippers/[id]/tracking": { kind: "machine", proof: "signature" },
  "trpc/[trpc]": { kind: "procedures" },
};
