/** The events an endpoint can subscribe to (shared by the schema, the domain and the settings page). */
export const WEBHOOK_EVENTS = ["order.created", "order.status_changed", "order.shipped", "order.refunded", "order.chargeback"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
