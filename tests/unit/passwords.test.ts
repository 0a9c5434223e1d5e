import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, passwordSchema, verifyPassword } from "@/server/domain/auth/passwords";

describe("passwords", () => {
  it("hashes with argon2id at the OWASP baseline and a fresh salt", async () => {
    const first = await hashPassword("correct-horse-1");
    const second = await hashPassword("correct-horse-1");
    expect(first.startsWith("$argon2id$")).toBe(true);
    expect(first).toContain("m=19456,t=2,p=1");
    expect(first).not.toContain("correct-horse-1");
    expect(first).not.toBe(second);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct-horse-1");
    expect(await verifyPassword(stored, "correct-horse-1")).toBe(true);
    expect(await verifyPassword(stored, "correct-horse-2")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("answers false, not an exception, for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  it("spends a hash check for unknown accounts without failing", async () => {
    await expect(burnPasswordCheck("anything")).resolves.toBeUndefined();
  });

  it("requires 8 to 200 characters", () => {
    expect(passwordSchema.safeParse("1234567").success).toBe(false);
    expect(passwordSchema.safeParse("12345678").success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(200)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(201)).success).toBe(false);
  });
});
