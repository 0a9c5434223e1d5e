import { generate } from "otplib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newTotpSecret, TOTP_ISSUER, totpUri, verifyTotp } from "@/server/domain/auth/totp";
import { wrongTotpCode } from "../helpers/totp";

afterEach(() => {
  vi.useRealTimers();
});

describe("TOTP", () => {
  it("makes a fresh base32 secret each time", () => {
    const a = newTotpSecret();
    const b = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]+=*$/);
    expect(a.length).toBeGreaterThanOrEqual(16);
    expect(a).not.toBe(b);
  });

  it("builds an otpauth URI with the issuer, the account and the secret", () => {
    const secret = newTotpSecret();
    const uri = new URL(totpUri(secret, "maria@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toContain("maria@example.com");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe(TOTP_ISSUER);
  });

  it("accepts the current code from an authenticator, also typed with spaces", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    expect(await verifyTotp(secret, code)).toBe(true);
    expect(await verifyTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(true);
  });

  it("rejects a well-formed but wrong code", async () => {
    const secret = newTotpSecret();
    expect(await verifyTotp(secret, await wrongTotpCode(secret))).toBe(false);
  });

  it.each(["", "12345", "1234567", "abcdef", "12 34 5", "12345a", "１２３４５６"])("rejects non-6-digit input %j", async (input) => {
    expect(await verifyTotp(newTotpSecret(), input)).toBe(false);
  });

  it("tolerates one 30-second step of clock drift either way, not more", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const epoch = 1_750_000_005; // 5 s into a 30-second step
    vi.setSystemTime(epoch * 1000);
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const at = (offsetSeconds: number) => generate({ secret, epoch: epoch + offsetSeconds });
    expect(await verifyTotp(secret, await at(0))).toBe(true);
    expect(await verifyTotp(secret, await at(-30))).toBe(true);
    expect(await verifyTotp(secret, await at(30))).toBe(true);

    const accepted = new Set([await at(-30), await at(0), await at(30)]);
    const stale = await at(-90);
    const early = await at(90);
    expect(accepted.has(stale)).toBe(false);
    expect(accepted.has(early)).toBe(false);
    expect(await verifyTotp(secret, stale)).toBe(false);
    expect(await verifyTotp(secret, early)).toBe(false);
  });
});
