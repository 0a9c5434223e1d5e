/**
 * Message files beyond the shared `messages/<locale>.json`: one file per area in
 * `messages/<locale>/<area>.json`, so areas built in parallel never edit the same file.
 * Each file's top-level keys are namespaces, merged over the shared ones.
 */
export const MESSAGE_AREAS = ["orders", "dashboard", "customers", "fulfilment", "payments", "pricing", "companies", "catalog", "priceList", "catalogApi", "ordering", "exchange", "feeds", "webhooks", "supplierOrders", "workplace", "notifications", "salesStats", "audit", "supplierProducts", "moderation", "suppliers", "quotes", "claims", "impersonation"] as const satisfies readonly string[];
