import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The callback signature of docs/api/callbacks.md: HMAC-SHA256 with the processor's secret over
 * `<timestamp>.<raw body>`, hex, sent as `X-T3-Signature: v1=<hex>` with `X-T3-Timestamp: <unix seconds>`.
 */
export const TIMESTAMP_HEADER = "x-t3-timestamp";
export const SIGNATURE_HEADER = "x-t3-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, timestamp: number | string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

export function signedHeaders(secret: string, rawBody: string, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: `v1=${signatureOf(secret, timestamp, rawBody)}` };
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

export function verifySignature(input: { secret: string; headers: Headers; rawBody: string; now: Date; toleranceSeconds?: number }): SignatureVerdict {
  const timestamp = input.headers.get(TIMESTAMP_HEADER);
  const header = input.headers.get(SIGNATURE_HEADER);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: `missing or malformed ${TIMESTAMP_HEADER}` };
  if (!header) return { ok: false, reason: `missing ${SIGNATURE_HEADER}` };
  const age = Math.abs(Math.floor(input.now.getTime() / 1000) - Number(timestamp));
  if (age > (input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return { ok: false, reason: `timestamp outside the ${input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS} s tolerance` };
  const expected = Buffer.from(signatureOf(input.secret, timestamp, input.rawBody), "hex");
  // Several v1= values may be sent during a secret rotation; any one matching is enough.
  const given = header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => part.slice(3));
  const matches = given.some((hex) => /^[0-9a-f]{64}$/i.test(hex) && timingSafeEqual(Buffer.from(hex, "hex"), expected));
  return matches ? { ok: true } : { ok: false, reason: "signature does not match" };
}
