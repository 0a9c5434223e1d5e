import { randomBytes } from "node:crypto";
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { buyerProfiles, companyMembers, users } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, conflict, forbidden, notFound } from "../errors";
import { createUser, setUserActive } from "../users/manage-users";
import { normalizePhone } from "../auth/identifiers";
import { attachMemberSchema, createMemberUserSchema, memberKeySchema, setEmployeeActiveSchema, updateMemberSchema } from "./company-schemas";
import { assertCompanyInScope, type CompanyActor } from "./company-scope";

/** A readable one-time password (shown once to whoever creates the account). */
export function generatePassword(): string {
  return randomBytes(9).toString("base64url");
}

/** People of a company: never hashes, only what the member lists show. No scope check: callers check the company. */
export function membersOfCompany(db: Db, companyId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      isActive: users.isActive,
      lastLoginAt: users.lastLoginAt,
      isOwner: companyMembers.isOwner,
      accessLevel: companyMembers.accessLevel,
      isDefault: companyMembers.isDefault,
      createdAt: companyMembers.createdAt,
    })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(eq(companyMembers.companyId, companyId))
    .orderBy(asc(users.name));
}
export type MemberRow = Awaited<ReturnType<typeof membersOfCompany>>[number];

export async function listMembers(db: Db, actor: CompanyActor, companyId: string) {
  await assertCompanyInScope(db, actor, companyId);
  return membersOfCompany(db, companyId);
}

/**
 * Adds a membership; a user's first company becomes his default. Shared by staff attaching a
 * buyer, an owner adding an employee and an approved registration.
 */
export async function addMembership(tx: Db, membership: { userId: string; companyId: string; accessLevel: number; isOwner: boolean }) {
  const [other] = await tx.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, membership.userId)).limit(1);
  const [existing] = await tx
    .select({ companyId: companyMembers.companyId })
    .from(companyMembers)
    .where(and(eq(companyMembers.userId, membership.userId), eq(companyMembers.companyId, membership.companyId)));
  if (existing) throw conflict("This user already works for this company", "email");
  await tx.insert(companyMembers).values({ ...membership, isDefault: !other });
}

export async function attachMember(db: Db, actor: CompanyActor, rawInput: z.input<typeof attachMemberSchema>) {
  const input = attachMemberSchema.parse(rawInput);
  await assertCompanyInScope(db, actor, input.companyId);
  const field = input.email ? "email" : "phone";
  const [user] = await db
    .select({ id: users.id, kind: users.kind })
    .from(users)
    .where(input.email ? eq(users.email, input.email) : eq(users.phone, normalizePhone(input.phone ?? "")))
    .limit(1);
  if (!user) throw badInput(`No user has this ${field === "email" ? "e-mail" : "phone"}; create the account instead`, field);
  if (user.kind !== "buyer") throw badInput("Only a buyer account can work for a company", field);
  await db.transaction(async (tx) => {
    await addMembership(tx, { userId: user.id, companyId: input.companyId, accessLevel: input.accessLevel, isOwner: input.isOwner });
    await recordAudit(tx, { actorId: actor.id, action: "company.member_attach", targetType: "company", targetId: input.companyId, details: { userId: user.id }, ip: actor.ip });
  });
  return { userId: user.id };
}

/**
 * Creates a buyer account (argon2id, through the users domain) working for the company. Without
 * a password one is generated and returned once, for the creator to hand over.
 */
export async function createBuyerForCompany(
  db: Db,
  actor: CompanyActor,
  input: { companyId: string; name: string; email: string; phone?: string; password?: string; accessLevel: number; isOwner: boolean },
  auditAction: string,
): Promise<{ userId: string; password: string | null }> {
  const password = input.password ?? generatePassword();
  const userId = await db.transaction(async (tx) => {
    const user = await createUser(tx, actor, { role: "buyer", name: input.name, email: input.email, phone: input.phone, password, locale: "ru" });
    await addMembership(tx, { userId: user.id, companyId: input.companyId, accessLevel: input.accessLevel, isOwner: input.isOwner });
    await recordAudit(tx, { actorId: actor.id, action: auditAction, targetType: "company", targetId: input.companyId, details: { userId: user.id }, ip: actor.ip });
    return user.id;
  });
  return { userId, password: input.password ? null : password };
}

export async function createMemberUser(db: Db, actor: CompanyActor, rawInput: z.input<typeof createMemberUserSchema>) {
  const input = createMemberUserSchema.parse(rawInput);
  await assertCompanyInScope(db, actor, input.companyId);
  return createBuyerForCompany(db, actor, input, "company.member_create");
}

async function loadMembership(db: Db, companyId: string, userId: string) {
  const [row] = await db.select().from(companyMembers).where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId))).limit(1);
  if (!row) throw notFound("Member");
  return row;
}

export async function updateMember(db: Db, actor: CompanyActor, rawInput: z.input<typeof updateMemberSchema>) {
  const input = updateMemberSchema.parse(rawInput);
  await assertCompanyInScope(db, actor, input.companyId);
  const current = await loadMembership(db, input.companyId, input.userId);
  await db.transaction(async (tx) => {
    await tx
      .update(companyMembers)
      .set({
        accessLevel: input.accessLevel ?? current.accessLevel,
        isOwner: input.isOwner ?? current.isOwner,
        isDefault: input.isDefault ?? current.isDefault,
      })
      .where(and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, input.userId)));
    // One default company per user.
    if (input.isDefault) {
      await tx.update(companyMembers).set({ isDefault: false }).where(and(eq(companyMembers.userId, input.userId), ne(companyMembers.companyId, input.companyId)));
    }
    await recordAudit(tx, { actorId: actor.id, action: "company.member_update", targetType: "company", targetId: input.companyId, details: { userId: input.userId, before: { accessLevel: current.accessLevel, isOwner: current.isOwner, isDefault: current.isDefault }, after: { accessLevel: input.accessLevel ?? current.accessLevel, isOwner: input.isOwner ?? current.isOwner, isDefault: input.isDefault ?? current.isDefault } }, ip: actor.ip });
  });
}

/** Detaching ends the membership only; the account stays (it may work for other companies). */
export async function detachMember(db: Db, actor: CompanyActor, rawInput: z.input<typeof memberKeySchema>) {
  const input = memberKeySchema.parse(rawInput);
  await assertCompanyInScope(db, actor, input.companyId);
  await loadMembership(db, input.companyId, input.userId);
  await db.transaction(async (tx) => {
    await tx.delete(companyMembers).where(and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, input.userId)));
    await tx.update(buyerProfiles).set({ activeCompanyId: null }).where(and(eq(buyerProfiles.userId, input.userId), eq(buyerProfiles.activeCompanyId, input.companyId)));
    await recordAudit(tx, { actorId: actor.id, action: "company.member_detach", targetType: "company", targetId: input.companyId, details: { userId: input.userId }, ip: actor.ip });
  });
}

/**
 * Staff deactivate (or reactivate) a buyer account of a company in their scope. An account that
 * also works for a company outside the actor's scope is not his to switch off.
 */
export async function setMemberActive(db: Db, actor: CompanyActor, rawInput: z.input<typeof setEmployeeActiveSchema>) {
  const input = setEmployeeActiveSchema.parse(rawInput);
  await assertCompanyInScope(db, actor, input.companyId);
  const memberships = await db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, input.userId));
  if (!memberships.some((m) => m.companyId === input.companyId)) throw notFound("Member");
  for (const other of memberships) {
    if (other.companyId === input.companyId) continue;
    await assertCompanyInScope(db, actor, other.companyId).catch(() => {
      throw forbidden("This person also works for a company of another manager");
    });
  }
  const user = await setUserActive(db, actor, input.userId, input.active);
  return { userId: user.id, isActive: user.isActive };
}
