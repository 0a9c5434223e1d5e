import { signedHeaders } from "../payments/signature";
import type { DispatchRequest, DispatchResult, ShipperAdapterFactory } from "./adapter";

/**
 * The HTTP JSON shipper (docs/api/shippers.md): POST <url> with the order as JSON, signed with
 * HMAC-SHA256 over `<timestamp>.<body>` like our processor callbacks. 2xx with
 * `{"accepted": true}` accepts; 4xx or `{"accepted": false}` refuses; 5xx, 429 or no answer is
 * "unavailable" and retried.
 */
export const httpJsonShipper: ShipperAdapterFactory = (config) => ({
  adapter: "http_json",
  async dispatch(request: DispatchRequest): Promise<DispatchResult> {
    const url = config.settings.url;
    if (!url) return { outcome: "refused", message: "The shipper has no URL configured" };
    if (!config.secret) return { outcome: "refused", message: "The shipper has no signing secret" };
    const body = JSON.stringify({ type: "order.dispatch", order: request });
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `shipment-${request.shipmentId}`, ...signedHeaders(config.secret, body) },
        body,
        signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      return { outcome: "unavailable", message: `The shipper did not answer: ${error instanceof Error ? error.message : String(error)}` };
    }
    const text = await response.text().catch(() => "");
    let json: { accepted?: unknown; shipment_id?: unknown; message?: unknown } = {};
    try {
      json = text ? (JSON.parse(text) as typeof json) : {};
    } catch {
      json = {};
    }
    const message = typeof json.message === "string" ? json.message : text.slice(0, 300);
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      return { outcome: "unavailable", message: `The shipper answered HTTP ${response.status}${message ? `: ${message}` : ""}` };
    }
    if (!response.ok || json.accepted !== true) {
      return { outcome: "refused", message: `The shipper refused the order (HTTP ${response.status})${message ? `: ${message}` : ""}` };
    }
    return { outcome: "accepted", externalId: typeof json.shipment_id === "string" ? json.shipment_id : undefined, message: message || undefined };
  },
});
