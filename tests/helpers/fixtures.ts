import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { kindOfRole, type Role } from "@/server/auth/roles";
import { hashPassword } from "@/server/domain/auth/passwords";
import { createSession, resolveSession, type ActiveSession } from "@/server/domain/auth/sessions";
import type { TrpcContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7);

let counter = 0;

export async function makeUser(
  db: Db,
  overrides: Partial<typeof users.$inferInsert> & { role: Role; password?: string } = { role: "manager" },
) {
  counter += 1;
  const { password = "correct-horse-1", role, ...rest } = overrides;
  const kind = kindOfRole(role);
  const [user] = await db
    .insert(users)
    .values({
      kind,
      role,
      name: `Test ${role} ${counter}`,
      username: kind === "staff" ? `${role.replace("_", "")}${counter}` : null,
      email: `${role}${counter}@test.local`,
      passwordHash: await hashPassword(password),
      ...rest,
    })
    .returning();
  if (!user) throw new Error("user not created");
  return { ...user, password };
}

export async function sessionFor(db: Db, userId: string, remember = false): Promise<ActiveSession> {
  const { id } = await createSession(db, { userId, remember, ip: "127.0.0.1" });
  const session = await resolveSession(db, id);
  if (!session) throw new Error("session not resolved");
  return session;
}

/** A tRPC caller as the given session (or anonymous), going through every middleware. */
export function callerFor(db: Db, session: ActiveSession | null) {
  const ctx: TrpcContext = { db, session, ip: "127.0.0.1", encryptionKey: TEST_ENCRYPTION_KEY };
  return createCaller(ctx);
}
