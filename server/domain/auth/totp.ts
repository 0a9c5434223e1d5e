import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "T3 CRM";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** Accepts the code of the previous and the next 30-second step too, for clock drift. */
export async function verifyTotp(secret: string, code: string): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const result = await verify({ secret, token, epochTolerance: 30 });
  return result.valid;
}
