import { randomBytes } from "node:crypto";
import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { outbox, supplierMembers, userInvitations, users } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { normalizeEmail } from "../auth/identifiers";
import { hashPassword, passwordSchema } from "../auth/passwords";
import { revokeUserSessions } from "../auth/sessions";
import { badInput, conflict, forbidden, isUniqueViolation, notFound } from "../errors";
import { NOTIFICATION_EMAIL_TOPIC } from "../notifications/notify";
import { requireActiveSupplier } from "./supplier-scope";
import { hashToken } from "../crypto/token-hash";

/** A week: long enough for a colleague back from leave, short enough that a stale link dies. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteSupplierMemberSchema = z.object({
  name: z.string().trim().min(2, "Name is required").max(200),
  email: z.string().trim().email("E-mail is not valid").max(200),
  locale: z.enum(["en", "ru"]).default("ru"),
});
export const supplierMemberKeySchema = z.object({ userId: z.uuid() });
export const acceptInvitationSchema = z.object({
  token: z.string().trim().min(20, "The link is not valid").max(200),
  password: passwordSchema,
});

export interface MemberActor {
  id: string;
  ip?: string;
}


/** The supplier's people for its own cabinet (and, by id, for the staff page): who, owner, login on, invitation open. */
export async function listMembersOf(db: Pick<Db, "select">, supplierId: string, now = new Date()) {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, kind: users.kind, isActive: users.isActive, isOwner: supplierMembers.isOwner, since: supplierMembers.createdAt })
    .from(supplierMembers)
    .innerJoin(users, eq(users.id, supplierMembers.userId))
    .where(eq(supplierMembers.supplierId, supplierId))
    .orderBy(asc(supplierMembers.createdAt), asc(users.name));
  const open = await db
    .select({ userId: userInvitations.userId })
    .from(userInvitations)
    .innerJoin(supplierMembers, and(eq(supplierMembers.userId, userInvitations.userId), eq(supplierMembers.supplierId, supplierId)))
    .where(and(isNull(userInvitations.acceptedAt), gt(userInvitations.expiresAt, now)));
  const invited = new Set(open.map((o) => o.userId));
  return rows.map((r) => ({ ...r, invited: !r.isActive && invited.has(r.userId) }));
}

export async function listOwnMembers(db: Db, userId: string) {
  const supplier = await requireActiveSupplier(db, userId);
  return { supplierName: supplier.name, me: userId, members: await listMembersOf(db, supplier.supplierId) };
}

/**
 * A member adds a colleague: a supplier login that is off until the colleague sets a password
 * through the e-mailed link (outbox, in this transaction). The link carries a random token; only
 * its hash is stored.
 */
export async function inviteSupplierMember(db: Db, actor: MemberActor, rawInput: z.input<typeof inviteSupplierMemberSchema>, now = new Date()) {
  const input = inviteSupplierMemberSchema.parse(rawInput);
  const supplier = await requireActiveSupplier(db, actor.id);
  const email = normalizeEmail(input.email);
  const token = randomBytes(32).toString("base64url");
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (taken) throw conflict("This e-mail already has an account", "email");
      // The login cannot be used before the invitation sets a real password: no hash verifies against "".
      const [user] = await tx
        .insert(users)
        .values({ kind: "supplier", role: "supplier", name: input.name, email, passwordHash: "", locale: input.locale, isActive: false })
        .returning({ id: users.id });
      if (!user) throw notFound("User");
      await tx.insert(supplierMembers).values({ userId: user.id, supplierId: supplier.supplierId, isOwner: false });
      await tx.insert(userInvitations).values({ userId: user.id, tokenHash: hashToken(token), invitedBy: actor.id, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), createdAt: now });
      await tx.insert(outbox).values({
        topic: NOTIFICATION_EMAIL_TOPIC,
        payload: {
          event: "supplier.member_invited",
          to: email,
          locale: input.locale,
          title: { en: `You are invited to ${supplier.name} on T3 CRM`, ru: `Приглашение в кабинет поставщика ${supplier.name}` },
          body: {
            en: `Set your password to open the supplier cabinet of ${supplier.name}. The link works for 7 days.`,
            ru: `Задайте пароль, чтобы войти в кабинет поставщика ${supplier.name}. Ссылка действует 7 дней.`,
          },
          link: `/set-password?token=${token}`,
        },
        runAt: now,
        createdAt: now,
      });
      await recordAudit(tx, { actorId: actor.id, action: "supplier.member_invite", targetType: "supplier", targetId: supplier.supplierId, details: { userId: user.id, email }, ip: actor.ip });
      return { userId: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("This e-mail already has an account", "email");
    throw error;
  }
}

/**
 * Switches a colleague's login off (sessions end at once). Not oneself, and never the last
 * active member: someone must be left to run the cabinet. Only an owner may switch off an owner.
 * A member who is also a buyer (the cabinet switch) keeps the buyer login and leaves the supplier.
 */
export async function deactivateSupplierMember(db: Db, actor: MemberActor, rawInput: z.input<typeof supplierMemberKeySchema>) {
  const { userId } = supplierMemberKeySchema.parse(rawInput);
  const supplier = await requireActiveSupplier(db, actor.id);
  if (userId === actor.id) throw badInput("You cannot deactivate yourself", "userId");
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ userId: users.id, kind: users.kind, isActive: users.isActive, isOwner: supplierMembers.isOwner })
      .from(supplierMembers)
      .innerJoin(users, eq(users.id, supplierMembers.userId))
      .where(and(eq(supplierMembers.supplierId, supplier.supplierId), eq(supplierMembers.userId, userId)))
      .for("update");
    // Another supplier's user reads as unknown: the cabinet does not confirm who exists elsewhere.
    if (!target) throw notFound("Member");
    if (target.isOwner && !supplier.isOwner) throw forbidden("Only an owner can deactivate an owner");
    if (target.kind === "supplier" && !target.isActive) {
      // Off already (or invited and not in yet): what is left to do is to void the invitation.
      const voided = await tx.delete(userInvitations).where(and(eq(userInvitations.userId, userId), isNull(userInvitations.acceptedAt))).returning({ id: userInvitations.id });
      if (voided.length) await recordAudit(tx, { actorId: actor.id, action: "supplier.member_deactivate", targetType: "supplier", targetId: supplier.supplierId, details: { userId, invitationVoided: true }, ip: actor.ip });
      return { userId, isActive: false };
    }
    const [active] = await tx
      .select({ n: count() })
      .from(supplierMembers)
      .innerJoin(users, eq(users.id, supplierMembers.userId))
      .where(and(eq(supplierMembers.supplierId, supplier.supplierId), eq(users.isActive, true)));
    if ((active?.n ?? 0) <= 1) throw badInput("The last active member cannot be deactivated", "userId");
    let sessionsEnded = 0;
    if (target.kind === "supplier") {
      await tx.update(users).set({ isActive: false, updatedAt: new Date() }).where(eq(users.id, userId));
      sessionsEnded = await revokeUserSessions(tx, userId);
      // An unused invitation must not switch the login back on.
      await tx.delete(userInvitations).where(and(eq(userInvitations.userId, userId), isNull(userInvitations.acceptedAt)));
    } else {
      await tx.delete(supplierMembers).where(and(eq(supplierMembers.supplierId, supplier.supplierId), eq(supplierMembers.userId, userId)));
    }
    await recordAudit(tx, { actorId: actor.id, action: "supplier.member_deactivate", targetType: "supplier", targetId: supplier.supplierId, details: { userId, kind: target.kind, sessionsEnded }, ip: actor.ip });
    return { userId, isActive: false };
  });
}

/** Public: the invited colleague sets a password from the e-mailed link; the login is switched on. */
export async function acceptInvitation(db: Db, rawInput: z.input<typeof acceptInvitationSchema>, meta: { ip?: string } = {}, now = new Date()) {
  const input = acceptInvitationSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [invitation] = await tx.select().from(userInvitations).where(eq(userInvitations.tokenHash, hashToken(input.token))).limit(1).for("update");
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) throw badInput("This link is not valid or has expired: ask your colleague to invite you again", "token");
    const [user] = await tx.select({ email: users.email, kind: users.kind }).from(users).where(eq(users.id, invitation.userId)).limit(1);
    if (!user) throw badInput("This link is not valid or has expired: ask your colleague to invite you again", "token");
    await tx.update(users).set({ passwordHash, isActive: true, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, invitation.userId));
    await tx.update(userInvitations).set({ acceptedAt: now }).where(eq(userInvitations.id, invitation.id));
    await recordAudit(tx, { actorId: invitation.userId, action: "user.accept_invitation", targetType: "user", targetId: invitation.userId, details: { invitationId: invitation.id }, ip: meta.ip });
    return { email: user.email };
  });
}
