/** Pure data shared by the schema, the domain and the browser bundle. */
export const EXCHANGE_CATEGORIES = ["catalog", "prices", "stock", "orders", "counterparties", "documents"] as const;
export type ExchangeCategory = (typeof EXCHANGE_CATEGORIES)[number];

export const EXCHANGE_RUN_STATUSES = ["running", "done", "error"] as const;
export type ExchangeRunStatus = (typeof EXCHANGE_RUN_STATUSES)[number];

export const EXCHANGE_ITEM_STATUSES = ["done", "error", "skipped"] as const;
export type ExchangeItemStatus = (typeof EXCHANGE_ITEM_STATUSES)[number];
