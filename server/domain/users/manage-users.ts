import { and, count, desc, eq, ilike, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { users, type User } from "../../../db/schema";
import { kindOfRole, type Role } from "../../auth/roles";
import { recordAudit } from "../audit/record-audit";
import { normalizeEmail, normalizePhone } from "../auth/identifiers";
import { hashPassword } from "../auth/passwords";
import { revokeUserSessions } from "../auth/sessions";
import { badInput, conflict, DomainError, isUniqueViolation, notFound } from "../errors";
import { createUserSchema, listUsersSchema, updateUserSchema, type CreateUserInput, type ListUsersInput, type UpdateUserInput } from "./user-schemas";
import { noticePasswordChanged } from "../notifications/account-notices";

export interface Actor {
  id: string;
  role: Role;
  ip?: string;
}

/** What an admin screen may see of a user: never the hashes or secrets. */
export type UserSummary = Pick<
  User,
  "id" | "kind" | "role" | "username" | "email" | "phone" | "name" | "locale" | "isActive" | "supervisorId" | "totpEnabled" | "lastLoginAt" | "createdAt"
>;

const summaryColumns = {
  id: users.id,
  kind: users.kind,
  role: users.role,
  username: users.username,
  email: users.email,
  phone: users.phone,
  name: users.name,
  locale: users.locale,
  isActive: users.isActive,
  supervisorId: users.supervisorId,
  totpEnabled: users.totpEnabled,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

function canonicalIdentifiers(input: { role?: Role; username?: string; email?: string; phone?: string }) {
  return {
    username: input.username?.toLowerCase(),
    email: input.email ? normalizeEmail(input.email) : undefined,
    phone: input.phone ? normalizePhone(input.phone) : undefined,
  };
}

function checkLoginIdentifiers(role: Role, ids: { username?: string | null; email?: string | null; phone?: string | null }) {
  if (kindOfRole(role) === "staff") {
    if (!ids.username && !ids.email) throw badInput("A staff user needs a username or an e-mail to log in", "username");
  } else if (!ids.email && !ids.phone) {
    throw badInput("A buyer or supplier needs an e-mail or a phone to log in", "email");
  }
}

async function assertIdentifiersFree(db: Db, ids: { username?: string; email?: string; phone?: string }, exceptId?: string) {
  const checks: Array<[keyof typeof ids, SQL]> = [];
  if (ids.username) checks.push(["username", eq(users.username, ids.username)]);
  if (ids.email) checks.push(["email", eq(users.email, ids.email)]);
  if (ids.phone) checks.push(["phone", eq(users.phone, ids.phone)]);
  for (const [field, condition] of checks) {
    const where = exceptId ? and(condition, ne(users.id, exceptId)) : condition;
    const [taken] = await db.select({ id: users.id }).from(users).where(where).limit(1);
    if (taken) throw conflict(`Another user already has this ${field}`, field);
  }
}

/** Any key, as long as only the last-admin guard uses it. */
const LAST_ADMIN_GUARD_LOCK = 730_201;

/**
 * First statement of a transaction that may take the admin role or access from someone: such
 * changes then run one at a time (the lock is held to commit), so the last-admin guard's count
 * sees the other's result. Without it, two changes each see the other admin still active and
 * both pass, or deadlock on each other's row locks. Taken before any row lock, so it cannot
 * deadlock itself.
 */
async function lockAdminGuard(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LAST_ADMIN_GUARD_LOCK}::bigint)`);
}

async function activeAdminCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.isActive, true)));
  return row?.n ?? 0;
}

export async function listUsers(db: Db, rawInput: ListUsersInput) {
  const input = listUsersSchema.parse(rawInput);
  const conditions: SQL[] = [];
  if (input.role) conditions.push(eq(users.role, input.role));
  if (input.status !== "all") conditions.push(eq(users.isActive, input.status === "active"));
  if (input.search) {
    const pattern = `%${input.search.replace(/[%_\\]/g, "\\$&")}%`;
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.username, pattern), ilike(users.phone, pattern));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.name)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows as UserSummary[], total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getUser(db: Db, id: string): Promise<UserSummary> {
  const [user] = await db.select(summaryColumns).from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw notFound("User");
  return user;
}

export async function createUser(db: Db, actor: Actor, rawInput: CreateUserInput): Promise<UserSummary> {
  const input = createUserSchema.parse(rawInput);
  const ids = canonicalIdentifiers(input);
  checkLoginIdentifiers(input.role, ids);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await assertIdentifiersFree(tx, ids);
      const [created] = await tx
        .insert(users)
        .values({
          kind: kindOfRole(input.role),
          role: input.role,
          name: input.name,
          locale: input.locale,
          supervisorId: input.supervisorId ?? null,
          passwordHash,
          ...ids,
        })
        .returning(summaryColumns);
      if (!created) throw new DomainError("CONFLICT", "User was not created");
      await recordAudit(tx, { actorId: actor.id, action: "user.create", targetType: "user", targetId: created.id, details: { role: input.role }, ip: actor.ip });
      return created;
    });
  } catch (error) {
    // Two admins creating the same login at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(error)) throw conflict("Another user already has this login (username, e-mail or phone)", "username");
    throw error;
  }
}

export async function updateUser(db: Db, actor: Actor, rawInput: UpdateUserInput): Promise<UserSummary> {
  const input = updateUserSchema.parse(rawInput);
  return db.transaction(async (tx) => {
    await lockAdminGuard(tx);
    const [current] = await tx.select().from(users).where(eq(users.id, input.id)).limit(1).for("update");
    if (!current) throw notFound("User");
    const role = input.role ?? current.role;
    if (current.id === actor.id && role !== current.role) throw badInput("You cannot change your own role", "role");
    if (current.role === "admin" && role !== "admin" && current.isActive && (await activeAdminCount(tx)) <= 1) {
      throw badInput("The last active admin cannot lose the admin role", "role");
    }
    const ids = canonicalIdentifiers({
      // undefined keeps the stored value, null (a field the admin emptied) removes it.
      username: (input.username === undefined ? current.username : input.username) ?? undefined,
      email: (input.email === undefined ? current.email : input.email) ?? undefined,
      phone: (input.phone === undefined ? current.phone : input.phone) ?? undefined,
    });
    checkLoginIdentifiers(role, ids);
    await assertIdentifiersFree(tx, ids, current.id);
    const [updated] = await tx
      .update(users)
      .set({
        role,
        kind: kindOfRole(role),
        name: input.name ?? current.name,
        locale: input.locale ?? current.locale,
        supervisorId: input.supervisorId === undefined ? current.supervisorId : input.supervisorId,
        username: ids.username ?? null,
        email: ids.email ?? null,
        phone: ids.phone ?? null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, current.id))
      .returning(summaryColumns);
    if (!updated) throw notFound("User");
    // A role change changes what the open sessions may do: make the user log in again.
    if (role !== current.role) await revokeUserSessions(tx, current.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update",
      targetType: "user",
      targetId: current.id,
      details: { fields: Object.keys(input).filter((k) => k !== "id"), roleBefore: current.role, roleAfter: role },
      ip: actor.ip,
    });
    return updated;
  });
}

export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<UserSummary> {
  return db.transaction(async (tx) => {
    await lockAdminGuard(tx);
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for("update");
    if (!current) throw notFound("User");
    if (!active && current.id === actor.id) throw badInput("You cannot deactivate yourself", "id");
    if (!active && current.role === "admin" && current.isActive && (await activeAdminCount(tx)) <= 1) {
      throw badInput("The last active admin cannot be deactivated", "id");
    }
    const [updated] = await tx.update(users).set({ isActive: active, updatedAt: new Date() }).where(eq(users.id, userId)).returning(summaryColumns);
    if (!updated) throw notFound("User");
    const revoked = active ? 0 : await revokeUserSessions(tx, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.activate" : "user.deactivate",
      targetType: "user",
      targetId: userId,
      details: { sessionsEnded: revoked },
      ip: actor.ip,
    });
    return updated;
  });
}

export async function resetUserPassword(db: Db, actor: Actor, userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!updated) throw notFound("User");
    await revokeUserSessions(tx, userId, { except: undefined });
    await recordAudit(tx, { actorId: actor.id, action: "user.reset_password", targetType: "user", targetId: userId, ip: actor.ip });
    await noticePasswordChanged(tx, userId, "administrator");
  });
}
