import type { MailTransport } from "../mail/transport";

/** What a shipper needs to pack one order: the address, and the lines in its own product codes. */
export interface DispatchRequest {
  /** Our order id: the shipper echoes it in tracking pushes. */
  orderId: string;
  orderNumber: number;
  shipmentId: number;
  kind: "ship" | "reship";
  shopOrderId: string;
  recipient: { firstName: string; lastName: string; email: string; phone: string };
  address: { country: string; state: string; city: string; zip: string; address: string; address2?: string };
  lines: DispatchLine[];
}

export interface DispatchLine {
  sku: string;
  /** The shipper's product code (the SKU itself when the map has no entry). */
  code: string;
  name: string;
  quantity: number;
}

/**
 * The shipper's answer. Adapters never throw for the shipper's answer or outage: a refusal is
 * "refused" (a person must fix the order or the mapping), a timeout, 5xx or SMTP failure is
 * "unavailable" (the outbox retries later).
 */
export type DispatchResult =
  | { outcome: "accepted"; externalId?: string; message?: string }
  | { outcome: "refused"; message: string }
  | { outcome: "unavailable"; message: string };

export interface ShipperAdapter {
  readonly adapter: string;
  dispatch(request: DispatchRequest): Promise<DispatchResult>;
}

export interface ShipperAdapterConfig {
  /** Non-secret settings: url, email, format, carrier, trackingUrl. */
  settings: Record<string, string>;
  /** The shared secret, opened from the sealed column for this call only. */
  secret: string | null;
  /** What the e-mail adapter sends through (the app's mail transport). */
  mail?: MailTransport;
  mailFrom?: string;
  timeoutMs?: number;
}

export type ShipperAdapterFactory = (config: ShipperAdapterConfig) => ShipperAdapter;
