import { z } from "zod";
import type { Db } from "../../../db/client";
import { hashPassword, passwordSchema, verifyPassword, burnPasswordCheck } from "../auth/passwords";
import { getSetting, setSetting } from "../settings/settings";

export const exchangeCredentialInput = z.object({
  login: z.string().trim().min(1, "Login is required").max(100),
  password: passwordSchema,
});

/** Sets the login and password 1C uses for the exchange; only the argon2 hash is stored. */
export async function setExchangeCredential(db: Db, input: z.input<typeof exchangeCredentialInput>, actorId: string | null): Promise<void> {
  const { login, password } = exchangeCredentialInput.parse(input);
  await setSetting(db, "exchange.credential", { login, passwordHash: await hashPassword(password) }, actorId);
}

export async function exchangeLogin(db: Db): Promise<string | null> {
  return (await getSetting(db, "exchange.credential"))?.login ?? null;
}

/** Checks HTTP Basic credentials against the stored exchange credential (constant work when unset or wrong login). */
export async function checkExchangeCredential(db: Db, login: string, password: string): Promise<boolean> {
  const stored = await getSetting(db, "exchange.credential");
  if (!stored || stored.login !== login) {
    await burnPasswordCheck(password);
    return false;
  }
  return verifyPassword(stored.passwordHash, password);
}
