import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users, userSessions } from "@/db/schema";
import { verifyPassword } from "@/server/domain/auth/passwords";
import {
  countActiveSessions,
  createSession,
  IDLE_SESSION_MS,
  REMEMBER_ME_MS,
  resolveSession,
  revokeSession,
  revokeUserSessions,
} from "@/server/domain/auth/sessions";
import { resetUserPassword, setUserActive } from "@/server/domain/users/manage-users";
import { changeOwnPassword } from "@/server/domain/users/own-account";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { domainError } from "../helpers/errors";
import { makeUser, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await makeUser(t.db, { role: "admin" });
});
afterAll(async () => {
  await t.destroy();
});

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
const newSession = async (userId: string, remember = false, now = new Date()) => (await createSession(t.db, { userId, remember }, now)).id;
const actor = () => ({ id: admin.id, role: admin.role, ip: "10.9.9.9" });

describe("session lifetime", () => {
  it("resolves a fresh session with its user and no secrets", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const id = await newSession(user.id, true);
    const session = await resolveSession(t.db, id);
    expect(session?.sessionId).toBe(id);
    expect(session?.remember).toBe(true);
    expect(session?.user).toMatchObject({ id: user.id, role: "manager", kind: "staff", email: user.email });
    expect(Object.keys(session?.user ?? {})).not.toContain("passwordHash");
    expect(Object.keys(session?.user ?? {})).not.toContain("isActive");
  });

  it("does not resolve an unknown token", async () => {
    expect(await resolveSession(t.db, "no-such-session")).toBeNull();
  });

  it("ends a browser-session login after 12 idle hours", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const t0 = new Date();
    const id = await newSession(user.id, false, t0);
    expect(await resolveSession(t.db, id, at(t0, IDLE_SESSION_MS - MINUTE))).not.toBeNull();
    const other = await newSession(user.id, false, t0);
    expect(await resolveSession(t.db, other, at(t0, IDLE_SESSION_MS))).toBeNull();
  });

  it("slides a browser-session login's idle expiry on activity", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const t0 = new Date();
    const id = await newSession(user.id, false, t0);

    // Activity within five minutes does not even write.
    const early = await resolveSession(t.db, id, at(t0, 1 * MINUTE));
    expect(early?.expiresAt.getTime()).toBe(t0.getTime() + IDLE_SESSION_MS);

    const later = at(t0, 6 * HOUR);
    const touched = await resolveSession(t.db, id, later);
    expect(touched?.expiresAt.getTime()).toBe(later.getTime() + IDLE_SESSION_MS);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, id));
    expect(row?.lastSeenAt.getTime()).toBe(later.getTime());
    expect(row?.expiresAt.getTime()).toBe(later.getTime() + IDLE_SESSION_MS);

    // Past the original expiry, still alive because it was used; dead after 12 idle hours.
    expect(await resolveSession(t.db, id, at(t0, IDLE_SESSION_MS + HOUR))).not.toBeNull();
    expect(await resolveSession(t.db, id, at(t0, IDLE_SESSION_MS + HOUR + IDLE_SESSION_MS))).toBeNull();
  });

  it("keeps a remember-me login for 30 days from login, without sliding", async () => {
    const user = await makeUser(t.db, { role: "buyer" });
    const t0 = new Date();
    const id = await newSession(user.id, true, t0);
    const idle = await resolveSession(t.db, id, at(t0, IDLE_SESSION_MS + HOUR));
    expect(idle?.expiresAt.getTime()).toBe(t0.getTime() + REMEMBER_ME_MS);
    expect(await resolveSession(t.db, id, at(t0, REMEMBER_ME_MS - MINUTE))).not.toBeNull();
    expect(await resolveSession(t.db, id, at(t0, REMEMBER_ME_MS))).toBeNull();
  });
});

describe("revocation", () => {
  it("revokeSession ends one session and leaves the user's others alone", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const a = await newSession(user.id);
    const b = await newSession(user.id);
    await revokeSession(t.db, a);
    expect(await resolveSession(t.db, a)).toBeNull();
    expect(await resolveSession(t.db, b)).not.toBeNull();
  });

  it("revokeSession keeps the first revocation time", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const id = await newSession(user.id);
    const first = new Date(Date.now() - MINUTE);
    await revokeSession(t.db, id, first);
    await revokeSession(t.db, id, new Date());
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, id));
    expect(row?.revokedAt?.getTime()).toBe(first.getTime());
  });

  it("revokeUserSessions ends all of a user's sessions, or all but one, and counts them", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const bystander = await makeUser(t.db, { role: "manager" });
    const [a, b, c] = [await newSession(user.id), await newSession(user.id), await newSession(user.id)];
    const theirs = await newSession(bystander.id);
    expect(await countActiveSessions(t.db, user.id)).toBe(3);

    expect(await revokeUserSessions(t.db, user.id, { except: a })).toBe(2);
    expect(await resolveSession(t.db, a)).not.toBeNull();
    expect(await resolveSession(t.db, b)).toBeNull();
    expect(await resolveSession(t.db, c)).toBeNull();

    expect(await revokeUserSessions(t.db, user.id)).toBe(1);
    expect(await resolveSession(t.db, a)).toBeNull();
    expect(await countActiveSessions(t.db, user.id)).toBe(0);
    expect(await resolveSession(t.db, theirs)).not.toBeNull();
  });
});

describe("account changes end sessions", () => {
  it("deactivating a user ends their sessions at once, and reactivating does not bring them back", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const a = await newSession(user.id, true);
    const b = await newSession(user.id, false);
    await setUserActive(t.db, actor(), user.id, false);
    expect(await resolveSession(t.db, a)).toBeNull();
    expect(await resolveSession(t.db, b)).toBeNull();
    expect(await countActiveSessions(t.db, user.id)).toBe(0);

    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audit).toMatchObject({ action: "user.deactivate", actorId: admin.id, details: { sessionsEnded: 2 } });

    await setUserActive(t.db, actor(), user.id, true);
    expect(await resolveSession(t.db, a)).toBeNull();
    expect(await resolveSession(t.db, await newSession(user.id))).not.toBeNull();
  });

  it("a session of a deactivated user is not resolved even if it was never revoked", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const id = await newSession(user.id);
    await t.db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect(await resolveSession(t.db, id)).toBeNull();
  });

  it("an admin's password reset ends every session of the user and sets the new password", async () => {
    const user = await makeUser(t.db, { role: "call_center" });
    const a = await newSession(user.id, true);
    const b = await newSession(user.id, false);
    await resetUserPassword(t.db, actor(), user.id, "brand-new-pass-1");
    expect(await resolveSession(t.db, a)).toBeNull();
    expect(await resolveSession(t.db, b)).toBeNull();
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row?.passwordHash ?? "", "brand-new-pass-1")).toBe(true);
    expect(await verifyPassword(row?.passwordHash ?? "", user.password)).toBe(false);
  });

  it("resetting the password of an unknown user is NOT_FOUND", async () => {
    await domainError(resetUserPassword(t.db, actor(), "00000000-0000-4000-8000-000000000000", "brand-new-pass-1"), "NOT_FOUND");
  });

  it("changing one's own password keeps the current session and ends the others", async () => {
    const user = await makeUser(t.db, { role: "director" });
    const current = await newSession(user.id, false);
    const laptop = await newSession(user.id, true);
    const phone = await newSession(user.id, true);
    const self = { userId: user.id, sessionId: current, encryptionKey: TEST_ENCRYPTION_KEY };
    await changeOwnPassword(t.db, self, user.password, "another-pass-22");
    expect(await resolveSession(t.db, current)).not.toBeNull();
    expect(await resolveSession(t.db, laptop)).toBeNull();
    expect(await resolveSession(t.db, phone)).toBeNull();
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row?.passwordHash ?? "", "another-pass-22")).toBe(true);
  });

  it("changing one's own password needs the current one and a different new one, and ends nothing when refused", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const current = await newSession(user.id);
    const other = await newSession(user.id);
    const self = { userId: user.id, sessionId: current, encryptionKey: TEST_ENCRYPTION_KEY };

    const wrong = await domainError(changeOwnPassword(t.db, self, "not-my-password", "another-pass-22"), "BAD_INPUT");
    expect(wrong.field).toBe("currentPassword");
    const same = await domainError(changeOwnPassword(t.db, self, user.password, user.password), "BAD_INPUT");
    expect(same.field).toBe("newPassword");

    expect(await resolveSession(t.db, other)).not.toBeNull();
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row?.passwordHash ?? "", user.password)).toBe(true);
  });
});
