import { eq, ne, sql, and } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users, type User } from "../../../db/schema";
import { DomainError } from "../errors";
import { open } from "../crypto/secret-box";
import { parseIdentifier } from "./identifiers";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { checkLoginThrottle, clearAccountFailures, recordLoginAttempt } from "./throttle";
import { verifyTotp } from "./totp";

export type LoginRefusal = "invalid" | "throttled_account" | "throttled_ip" | "inactive" | "totp_required" | "totp_invalid";

/** Why a login was refused, in a form the login page turns into a sentence in the user's language. */
export class LoginRefused extends DomainError {
  readonly reason: LoginRefusal;
  constructor(reason: LoginRefusal, message: string, retryAfterSeconds?: number) {
    super(reason.startsWith("throttled") ? "RATE_LIMITED" : "UNAUTHENTICATED", message, { retryAfterSeconds });
    this.reason = reason;
  }
}

export interface LoginInput {
  identifier: string;
  password: string;
  otp?: string;
  remember: boolean;
}

export interface LoginContext {
  ip: string;
  userAgent?: string;
  encryptionKeys: Buffer[];
  now?: Date;
}

async function findUserForLogin(db: Db, identifier: ReturnType<typeof parseIdentifier>): Promise<User | undefined> {
  // Staff sign in by username or e-mail; buyers and suppliers by e-mail or phone.
  const where =
    identifier.kind === "email"
      ? eq(users.email, identifier.value)
      : identifier.kind === "phone"
        ? and(eq(users.phone, identifier.value), ne(users.kind, "staff"))
        : and(sql`lower(${users.username}) = ${identifier.value}`, eq(users.kind, "staff"));
  const [user] = await db.select().from(users).where(where).limit(1);
  return user;
}

export async function authenticate(db: Db, input: LoginInput, context: LoginContext) {
  const identifier = parseIdentifier(input.identifier);
  const key = `${identifier.kind}:${identifier.value}`;
  const { ip } = context;
  const verdict = await checkLoginThrottle(db, key, ip, context.now);
  if (verdict.throttled) {
    await recordLoginAttempt(db, { identifier: key, ip, success: false, reason: "throttled" });
    const reason = verdict.scope === "account" ? "throttled_account" : "throttled_ip";
    throw new LoginRefused(reason, "Too many failed login attempts", verdict.retryAfterSeconds);
  }

  const user = await findUserForLogin(db, identifier);
  if (!user) {
    await burnPasswordCheck(input.password);
    await recordLoginAttempt(db, { identifier: key, ip, success: false, reason: "unknown_user" });
    throw new LoginRefused("invalid", "Wrong login or password");
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordLoginAttempt(db, { identifier: key, ip, userId: user.id, success: false, reason: "wrong_password" });
    throw new LoginRefused("invalid", "Wrong login or password");
  }
  // Only now, with the right password, may the caller learn the account is switched off.
  if (!user.isActive) {
    await recordLoginAttempt(db, { identifier: key, ip, userId: user.id, success: false, reason: "inactive" });
    throw new LoginRefused("inactive", "This account is deactivated");
  }
  if (user.totpEnabled && user.totpSecretEncrypted) {
    if (!input.otp) throw new LoginRefused("totp_required", "Enter the code from your authenticator app");
    const secret = open(user.totpSecretEncrypted, context.encryptionKeys);
    if (!(await verifyTotp(secret, input.otp))) {
      await recordLoginAttempt(db, { identifier: key, ip, userId: user.id, success: false, reason: "wrong_totp" });
      throw new LoginRefused("totp_invalid", "The authenticator code is wrong or expired");
    }
  }

  const now = context.now ?? new Date();
  const session = await db.transaction(async (tx) => {
    await clearAccountFailures(tx, key);
    await recordLoginAttempt(tx, { identifier: key, ip, userId: user.id, success: true });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    return createSession(tx, { userId: user.id, remember: input.remember, ip, userAgent: context.userAgent }, now);
  });
  return { user, session };
}
