import { describe, expect, it } from "vitest";
import { signatureOf, signedHeaders, verifySignature } from "@/server/integrations/payments/signature";

const body = '{"id":"evt_1","type":"payment.approved"}';
const now = new Date("2026-11-23T12:00:00Z");

const verify = (headers: Record<string, string>, at = now, raw = body, secret = "whsec") => verifySignature({ secret, headers: new Headers(headers), rawBody: raw, now: at });

describe("callback signatures", () => {
  it("accepts its own signature and rejects any change of body, secret or timestamp", () => {
    const headers = signedHeaders("whsec", body, now);
    expect(verify(headers)).toEqual({ ok: true });
    expect(verify(headers, now, body.replace("1", "2")).ok).toBe(false);
    expect(verify(headers, now, body, "other").ok).toBe(false);
    expect(verify({ ...headers, "x-t3-timestamp": String(Number(headers["x-t3-timestamp"]) + 1) }).ok).toBe(false);
  });

  it("allows 5 minutes of clock difference either way, not more", () => {
    const headers = signedHeaders("whsec", body, now);
    expect(verify(headers, new Date(now.getTime() + 300_000)).ok).toBe(true);
    expect(verify(headers, new Date(now.getTime() - 300_000)).ok).toBe(true);
    expect(verify(headers, new Date(now.getTime() + 301_000))).toEqual({ ok: false, reason: "timestamp outside the 300 s tolerance" });
  });

  it("accepts one matching value among several (secret rotation) and refuses malformed headers", () => {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const good = signatureOf("whsec", timestamp, body);
    expect(verify({ "x-t3-timestamp": timestamp, "x-t3-signature": `v1=${"0".repeat(64)}, v1=${good}` }).ok).toBe(true);
    expect(verify({ "x-t3-timestamp": timestamp, "x-t3-signature": good }).ok).toBe(false);
    expect(verify({ "x-t3-timestamp": "yesterday", "x-t3-signature": `v1=${good}` }).ok).toBe(false);
    expect(verify({ "x-t3-signature": `v1=${good}` }).ok).toBe(false);
    expect(verify({ "x-t3-timestamp": timestamp, "x-t3-signature": "v1=abc" }).ok).toBe(false);
  });
});
