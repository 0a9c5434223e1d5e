import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId, open, seal } from "@/server/domain/crypto/secret-box";

const oldKey = randomBytes(32);
const newKey = randomBytes(32);

/** Flips one bit of the given dot-separated part (base64url) of a sealed value. */
function tamper(sealed: string, partIndex: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[partIndex] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret box", () => {
  it("opens what it sealed, including non-ASCII text", () => {
    const plaintext = "JBSWY3DPEHPK3PXP · секрет";
    const sealed = seal(plaintext, newKey);
    expect(open(sealed, [newKey])).toBe(plaintext);
  });

  it("names the key by fingerprint and never contains the plaintext", () => {
    const sealed = seal("top-secret-seed", newKey);
    const [version, id, iv, tag, ciphertext] = sealed.split(".");
    expect(version).toBe("v1");
    expect(id).toBe(keyId(newKey));
    expect(Buffer.from(iv ?? "", "base64url")).toHaveLength(12);
    expect(Buffer.from(tag ?? "", "base64url")).toHaveLength(16);
    expect(Buffer.from(ciphertext ?? "", "base64url")).toHaveLength("top-secret-seed".length);
    expect(sealed).not.toContain("top-secret-seed");
  });

  it("uses a fresh IV each time, so equal secrets do not look equal at rest", () => {
    expect(seal("same", newKey)).not.toBe(seal("same", newKey));
  });

  it.each([
    ["iv", 2],
    ["tag", 3],
    ["ciphertext", 4],
  ])("refuses a value whose %s was tampered with", (_part, index) => {
    const sealed = seal("do not touch", newKey);
    expect(() => open(tamper(sealed, index), [newKey])).toThrow();
  });

  it("refuses to open with the wrong key", () => {
    const sealed = seal("mine", oldKey);
    expect(() => open(sealed, [newKey])).toThrow(/No encryption key/);
  });

  it("refuses a value relabelled with another key's id", () => {
    const parts = seal("mine", oldKey).split(".");
    parts[1] = keyId(newKey);
    expect(() => open(parts.join("."), [newKey, oldKey])).toThrow();
  });

  it("refuses values that are not in the sealed format", () => {
    expect(() => open("plaintext", [newKey])).toThrow(/Unrecognised/);
    expect(() => open(`v2.${keyId(newKey)}.a.b.c`, [newKey])).toThrow(/Unrecognised/);
  });

  it("after key rotation opens values sealed with the old key and the new one", () => {
    const sealedBefore = seal("sealed before rotation", oldKey);
    const sealedAfter = seal("sealed after rotation", newKey);
    const keys = [newKey, oldKey];
    expect(open(sealedBefore, keys)).toBe("sealed before rotation");
    expect(open(sealedAfter, keys)).toBe("sealed after rotation");
    expect(() => open(sealedBefore, [newKey])).toThrow();
  });
});
