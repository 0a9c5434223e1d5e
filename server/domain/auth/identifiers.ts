/**
 * A login identifier is an e-mail, a phone number or (staff only) a username. Each is stored in
 * one canonical form so "Ivan@Mail.ru" and "ivan@mail.ru" are the same person.
 */
export type Identifier =
  | { kind: "email"; value: string }
  | { kind: "phone"; value: string }
  | { kind: "username"; value: string };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits only; a Russian trunk prefix 8XXXXXXXXXX becomes 7XXXXXXXXXX. */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("8")) digits = `7${digits.slice(1)}`;
  return digits;
}

const PHONE_SHAPE = /^\+?[\d\s().-]{7,20}$/;

export function parseIdentifier(raw: string): Identifier {
  const input = raw.trim();
  if (input.includes("@")) return { kind: "email", value: normalizeEmail(input) };
  if (PHONE_SHAPE.test(input) && normalizePhone(input).length >= 7) return { kind: "phone", value: normalizePhone(input) };
  return { kind: "username", value: input.toLowerCase() };
}
