import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { open, seal } from "../crypto/secret-box";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { revokeUserSessions } from "../auth/sessions";
import { newTotpSecret, totpUri, verifyTotp } from "../auth/totp";
import { badInput, DomainError, notFound } from "../errors";
import type { Locale } from "./user-schemas";
import { noticePasswordChanged } from "../notifications/account-notices";

export interface SelfContext {
  userId: string;
  sessionId: string;
  encryptionKey: Buffer;
  ip?: string;
}

async function loadUser(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw notFound("User");
  return user;
}

/** Changing one's password ends every other session of that user, keeping the current one. */
export async function changeOwnPassword(db: Db, self: SelfContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await loadUser(db, self.userId);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw badInput("The current password is wrong", "currentPassword");
  if (currentPassword === newPassword) throw badInput("The new password must differ from the current one", "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, { except: self.sessionId });
    await recordAudit(tx, { actorId: user.id, action: "user.change_password", targetType: "user", targetId: user.id, ip: self.ip });
    await noticePasswordChanged(tx, user.id, "self");
  });
}

export async function setOwnLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

/**
 * Step one of two-factor setup: a fresh secret is kept (sealed) but not yet required, until the
 * user proves with a code that the authenticator app holds it.
 */
export async function beginTotpSetup(db: Db, self: SelfContext): Promise<{ secret: string; uri: string }> {
  const user = await loadUser(db, self.userId);
  if (user.totpEnabled) throw new DomainError("PRECONDITION_FAILED", "Two-factor login is already on");
  const secret = newTotpSecret();
  await db.update(users).set({ totpSecretEncrypted: seal(secret, self.encryptionKey), updatedAt: new Date() }).where(eq(users.id, user.id));
  return { secret, uri: totpUri(secret, user.email ?? user.username ?? user.name) };
}

export async function confirmTotpSetup(db: Db, self: SelfContext, code: string): Promise<void> {
  const user = await loadUser(db, self.userId);
  if (user.totpEnabled) throw new DomainError("PRECONDITION_FAILED", "Two-factor login is already on");
  if (!user.totpSecretEncrypted) throw new DomainError("PRECONDITION_FAILED", "Start the two-factor setup first");
  const secret = open(user.totpSecretEncrypted, [self.encryptionKey]);
  if (!(await verifyTotp(secret, code))) throw badInput("The code is wrong or expired", "code");
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: true, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: "user.totp_enable", targetType: "user", targetId: user.id, ip: self.ip });
  });
}

export async function disableOwnTotp(db: Db, self: SelfContext, password: string): Promise<void> {
  const user = await loadUser(db, self.userId);
  if (!(await verifyPassword(user.passwordHash, password))) throw badInput("The password is wrong", "password");
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecretEncrypted: null, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, { actorId: user.id, action: "user.totp_disable", targetType: "user", targetId: user.id, ip: self.ip });
  });
}
