import type { DeclineCode } from "../../domain/payments/decline-codes";
import type { PaymentMethod } from "../../domain/orders/order-statuses";

/** What a processor adapter needs to charge one order. The CVV is present only for a customer-initiated charge. */
export interface ChargeRequest {
  orderId: string;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  /** "customer": at intake, with the CVV; "merchant": a stored card re-submitted without it. */
  initiator: "customer" | "merchant";
  card?: { pan: string; expiryMonth: number; expiryYear: number; holder: string; cvv?: string };
  customer: { email: string; firstName: string; lastName: string; country: string; ip?: string | null };
  /** Where the processor sends its asynchronous answers for this payment. */
  callbackUrl?: string;
}

export type ChargeResult =
  | { outcome: "approved"; paymentId: string; reference?: string; rawCode?: string; message?: string }
  | { outcome: "pending"; paymentId: string; paymentUrl?: string; rawCode?: string; message?: string }
  /** Declines and technical failures alike: the code's category tells them apart. */
  | { outcome: "declined"; code: DeclineCode; rawCode?: string; message: string; paymentId?: string };

export type RefundResult = { ok: true; refundId: string; message?: string } | { ok: false; code: DeclineCode; rawCode?: string; message: string };

export type CallbackEventType = "payment.approved" | "payment.declined" | "payment.pending" | "payment.refunded" | "payment.chargeback";

/** A verified callback in the shared vocabulary. */
export interface CallbackEvent {
  eventId: string;
  type: CallbackEventType;
  paymentId?: string;
  /** Transaction reference (ARN) — how a chargeback names the payment. */
  reference?: string;
  /** Our order id, when the processor echoes it. */
  orderRef?: string;
  amountMinor?: number;
  currency?: string;
  code?: DeclineCode;
  rawCode?: string;
  message?: string;
  payload: Record<string, unknown>;
}

export type CallbackVerdict = { ok: true; event: CallbackEvent } | { ok: false; status: 400 | 401; reason: string };

/**
 * One interface for every processor. Adapters never throw for a processor's answer or outage:
 * a timeout or a 5xx comes back as a decline with a technical code, so the router decides.
 */
export interface ProcessorAdapter {
  readonly adapter: string;
  readonly supportsRefund: boolean;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: { orderId: string; paymentId: string; amountMinor: number; currency: string }): Promise<RefundResult>;
  /** The processor's current view of a payment (reconciling a pending one). */
  status(paymentId: string): Promise<ChargeResult>;
  /** Checks the signature and freshness of a callback and reads it. */
  verifyCallback(input: { headers: Headers; rawBody: string; now: Date }): CallbackVerdict;
}

export interface AdapterConfig {
  /** Non-secret settings (base URL, callback URL). */
  settings: Record<string, string>;
  /** Opened from the sealed column only for the call. */
  credentials: Record<string, string>;
  timeoutMs?: number;
}

export type AdapterFactory = (config: AdapterConfig) => ProcessorAdapter;
