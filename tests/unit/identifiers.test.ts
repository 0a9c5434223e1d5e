import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone, parseIdentifier } from "@/server/domain/auth/identifiers";

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ivan.Petrov@Mail.RU ")).toBe("ivan.petrov@mail.ru");
  });
});

describe("normalizePhone", () => {
  it.each([
    ["+7 (999) 123-45-67", "79991234567"],
    ["7 999 123 45 67", "79991234567"],
    ["8 (999) 123-45-67", "79991234567"],
    ["89991234567", "79991234567"],
    ["8-800-555-35-35", "78005553535"],
    ["+1 555 000 1111", "15550001111"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it("rewrites a leading 8 only for an 11-digit Russian number", () => {
    expect(normalizePhone("8123456")).toBe("8123456");
    expect(normalizePhone("881234567890")).toBe("881234567890");
    expect(normalizePhone("+44 8 1234 5678")).toBe("44812345678");
  });
});

describe("parseIdentifier", () => {
  it("reads anything with @ as a canonical e-mail", () => {
    expect(parseIdentifier("  Maria@Example.COM ")).toEqual({ kind: "email", value: "maria@example.com" });
  });

  it("reads phone numbers in any notation, with the Russian 8 trunk prefix as 7", () => {
    expect(parseIdentifier("+7 (999) 123-45-67")).toEqual({ kind: "phone", value: "79991234567" });
    expect(parseIdentifier("8 999 123 45 67")).toEqual({ kind: "phone", value: "79991234567" });
    expect(parseIdentifier("89991234567")).toEqual({ kind: "phone", value: "79991234567" });
    expect(parseIdentifier(" 1234567 ")).toEqual({ kind: "phone", value: "1234567" });
  });

  it("reads everything else as a lower-cased username", () => {
    expect(parseIdentifier(" Maria ")).toEqual({ kind: "username", value: "maria" });
    expect(parseIdentifier("ivan.petrov_2")).toEqual({ kind: "username", value: "ivan.petrov_2" });
    // Too few digits to be a phone number, even though it is all digits.
    expect(parseIdentifier("12345")).toEqual({ kind: "username", value: "12345" });
    // Phone-like punctuation around too few digits.
    expect(parseIdentifier("(12) 3-4-5")).toEqual({ kind: "username", value: "(12) 3-4-5" });
    // Letters make it a username even when digits dominate.
    expect(parseIdentifier("user79991234567")).toEqual({ kind: "username", value: "user79991234567" });
  });
});
