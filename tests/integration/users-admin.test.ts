import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { authenticate } from "@/server/domain/auth/authenticate";
import { resolveSession } from "@/server/domain/auth/sessions";
import { DomainError } from "@/server/domain/errors";
import { createUser, getUser, listUsers, setUserActive, updateUser, type Actor } from "@/server/domain/users/manage-users";
import type { CreateUserInput } from "@/server/domain/users/user-schemas";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { caught, domainError } from "../helpers/errors";
import { makeUser, sessionFor } from "../helpers/fixtures";

let t: TestDatabase;
let admin: Awaited<ReturnType<typeof makeUser>>;
let actor: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await makeUser(t.db, { role: "admin" });
  actor = { id: admin.id, role: admin.role, ip: "10.20.0.1" };
});
afterAll(async () => {
  await t.destroy();
});

const password = "initial-pass-1";
const staff = (fields: Partial<CreateUserInput> = {}): CreateUserInput => ({ role: "manager", name: "Staff Member", password, ...fields });
const auditFor = (targetId: string) => t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(desc(auditLog.createdAt));

describe("createUser", () => {
  it("creates a staff user with canonical identifiers who can then log in", async () => {
    const created = await createUser(t.db, actor, staff({ username: "Ivan.Petrov", email: " Ivan@Example.COM ", phone: "8 (999) 100-20-30", locale: "ru" }));
    expect(created).toMatchObject({ kind: "staff", role: "manager", username: "ivan.petrov", email: "ivan@example.com", phone: "79991002030", locale: "ru", isActive: true });
    expect(Object.keys(created)).not.toContain("passwordHash");
    const login = await authenticate(t.db, { identifier: "IVAN.PETROV", password, remember: false }, { ip: "10.20.1.1", encryptionKeys: [] });
    expect(login.user.id).toBe(created.id);
  });

  it("derives the user kind from the role", async () => {
    const buyer = await createUser(t.db, actor, { role: "buyer", name: "Buyer Co", email: "orders@buyer-co.test", password });
    const supplier = await createUser(t.db, actor, { role: "supplier", name: "Supplier Co", phone: "+7 912 000 00 01", password });
    expect(buyer.kind).toBe("buyer");
    expect(supplier.kind).toBe("supplier");
    expect(supplier.phone).toBe("79120000001");
  });

  it("writes an audit row naming the actor and the role", async () => {
    const created = await createUser(t.db, actor, staff({ username: "audited", name: "Audited" }));
    const rows = await auditFor(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "user.create", actorId: admin.id, targetType: "user", targetId: created.id, ip: "10.20.0.1", details: { role: "manager" } });
  });

  it.each([
    ["e-mail, in another case", "email", { email: "dup@example.com" }, { email: "DUP@Example.com" }],
    ["username, in another case", "username", { username: "dupname" }, { username: "DupName" }],
    ["phone, in another notation", "phone", { username: "dupphone1", phone: "+7 (999) 555-11-22" }, { username: "dupphone2", phone: "89995551122" }],
  ] as const)("refuses a duplicate %s as CONFLICT on that field", async (_what, field, first, second) => {
    await createUser(t.db, actor, staff(first));
    const error = await domainError(createUser(t.db, actor, staff(second)), "CONFLICT");
    expect(error.field).toBe(field);
  });

  it("refuses a staff user without a username or an e-mail", async () => {
    const error = await domainError(createUser(t.db, actor, staff({ phone: "+7 999 000 11 22" })), "BAD_INPUT");
    expect(error.field).toBe("username");
  });

  it("refuses a buyer or supplier without an e-mail or a phone, even with a username", async () => {
    const buyer = await domainError(createUser(t.db, actor, { role: "buyer", name: "No Contact", username: "nocontact", password }), "BAD_INPUT");
    expect(buyer.field).toBe("email");
    await domainError(createUser(t.db, actor, { role: "supplier", name: "No Contact", password }), "BAD_INPUT");
  });

  it("treats blank optional fields as absent", async () => {
    const created = await createUser(t.db, actor, staff({ username: "blankfields", email: "  ", phone: "" }));
    expect(created.email).toBeNull();
    expect(created.phone).toBeNull();
  });

  it("rejects malformed input with a validation error", async () => {
    expect(await caught(createUser(t.db, actor, staff({ username: "badmail", email: "not-an-email" })))).toBeInstanceOf(ZodError);
    expect(await caught(createUser(t.db, actor, staff({ username: "shortpw", password: "short" })))).toBeInstanceOf(ZodError);
    expect(await caught(createUser(t.db, actor, staff({ username: "has space" })))).toBeInstanceOf(ZodError);
  });
});

describe("updateUser", () => {
  it("changes fields and keeps the sessions when the role stays", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const session = await sessionFor(t.db, user.id);
    const updated = await updateUser(t.db, actor, { id: user.id, name: "Renamed", email: "Renamed@Example.com" });
    expect(updated).toMatchObject({ name: "Renamed", email: "renamed@example.com", role: "manager" });
    expect(await resolveSession(t.db, session.sessionId)).not.toBeNull();
  });

  it("ends the user's sessions when the role changes, and audits both roles", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const a = await sessionFor(t.db, user.id, true);
    const b = await sessionFor(t.db, user.id, false);
    const updated = await updateUser(t.db, actor, { id: user.id, role: "director" });
    expect(updated.role).toBe("director");
    expect(await resolveSession(t.db, a.sessionId)).toBeNull();
    expect(await resolveSession(t.db, b.sessionId)).toBeNull();
    const [row] = await auditFor(user.id);
    expect(row).toMatchObject({ action: "user.update", details: { roleBefore: "manager", roleAfter: "director", fields: ["role"] } });
  });

  it("changes the kind with the role", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    expect((await updateUser(t.db, actor, { id: user.id, role: "buyer" })).kind).toBe("buyer");
  });

  it("refuses to change the actor's own role", async () => {
    const error = await domainError(updateUser(t.db, actor, { id: admin.id, role: "director" }), "BAD_INPUT");
    expect(error.field).toBe("role");
    expect((await getUser(t.db, admin.id)).role).toBe("admin");
  });

  it("lets an actor edit their own other fields", async () => {
    const updated = await updateUser(t.db, actor, { id: admin.id, role: "admin", locale: "ru" });
    expect(updated.locale).toBe("ru");
  });

  it("refuses an identifier another user has", async () => {
    const other = await makeUser(t.db, { role: "manager", email: "taken@example.com" });
    const user = await makeUser(t.db, { role: "manager" });
    const error = await domainError(updateUser(t.db, actor, { id: user.id, email: "TAKEN@example.com" }), "CONFLICT");
    expect(error.field).toBe("email");
    // Re-saving a user's own identifiers is not a conflict.
    await updateUser(t.db, actor, { id: other.id, email: "taken@example.com" });
  });

  it("keeps the user's language when an update does not mention it", async () => {
    const user = await makeUser(t.db, { role: "buyer", locale: "ru" });
    expect((await updateUser(t.db, actor, { id: user.id, name: "Переименован" })).locale).toBe("ru");
    expect((await updateUser(t.db, actor, { id: user.id, locale: "en" })).locale).toBe("en");
    const [row] = await auditFor(user.id);
    expect(row?.details).toMatchObject({ fields: ["locale"] });
  });

  it("removes an identifier the admin emptied, and keeps one not mentioned", async () => {
    const user = await makeUser(t.db, { role: "manager", username: "clearme", phone: "79990001122" });
    const cleared = await updateUser(t.db, actor, { id: user.id, phone: "", username: "  " });
    expect(cleared).toMatchObject({ phone: null, username: null, email: user.email });
    const kept = await updateUser(t.db, actor, { id: user.id, name: "Still Here" });
    expect(kept.email).toBe(user.email);
  });

  it("refuses to remove the last way to log in", async () => {
    const user = await makeUser(t.db, { role: "manager", username: null });
    const error = await domainError(updateUser(t.db, actor, { id: user.id, email: "" }), "BAD_INPUT");
    expect(error.field).toBe("username");
    expect((await getUser(t.db, user.id)).email).toBe(user.email);
  });

  it("refuses a role change that leaves no way to log in for the new kind", async () => {
    const user = await makeUser(t.db, { role: "manager", username: "staffonly", email: null });
    const error = await domainError(updateUser(t.db, actor, { id: user.id, role: "buyer" }), "BAD_INPUT");
    expect(error.field).toBe("email");
    expect((await getUser(t.db, user.id)).role).toBe("manager");
  });

  it("is NOT_FOUND for an unknown user", async () => {
    await domainError(updateUser(t.db, actor, { id: "00000000-0000-4000-8000-000000000000", name: "Ghost" }), "NOT_FOUND");
  });
});

describe("setUserActive", () => {
  it("deactivates and reactivates, auditing both", async () => {
    const user = await makeUser(t.db, { role: "content_moderator" });
    await sessionFor(t.db, user.id);
    expect((await setUserActive(t.db, actor, user.id, false)).isActive).toBe(false);
    expect((await setUserActive(t.db, actor, user.id, true)).isActive).toBe(true);
    const rows = await auditFor(user.id);
    expect(rows.map((r) => r.action).sort()).toEqual(["user.activate", "user.deactivate"]);
    const deactivation = rows.find((r) => r.action === "user.deactivate");
    expect(deactivation).toMatchObject({ actorId: admin.id, targetType: "user", ip: "10.20.0.1", details: { sessionsEnded: 1 } });
  });

  it("refuses to let the actor deactivate themselves", async () => {
    const error = await domainError(setUserActive(t.db, actor, admin.id, false), "BAD_INPUT");
    expect(error.field).toBe("id");
    expect((await getUser(t.db, admin.id)).isActive).toBe(true);
  });

  it("is NOT_FOUND for an unknown user", async () => {
    await domainError(setUserActive(t.db, actor, "00000000-0000-4000-8000-000000000000", false), "NOT_FOUND");
  });
});

describe("the last active admin", () => {
  /** Makes `lastAdmins` the only active admins for the duration of `check`, then restores the others. */
  async function asOnlyActiveAdmin(lastAdmins: string | string[], check: () => Promise<void>) {
    const keep = typeof lastAdmins === "string" ? [lastAdmins] : lastAdmins;
    const others = await t.db
      .update(users)
      .set({ isActive: false })
      .where(and(eq(users.role, "admin"), eq(users.isActive, true), notInArray(users.id, keep)))
      .returning({ id: users.id });
    try {
      await check();
    } finally {
      if (others.length) await t.db.update(users).set({ isActive: true }).where(inArray(users.id, others.map((o) => o.id)));
    }
  }

  it("cannot be demoted or deactivated, while one of two admins can", async () => {
    const second = await makeUser(t.db, { role: "admin" });
    const someoneElse: Actor = { id: (await makeUser(t.db, { role: "director" })).id, role: "director" };
    await asOnlyActiveAdmin(second.id, async () => {
      const demote = await domainError(updateUser(t.db, someoneElse, { id: second.id, role: "manager" }), "BAD_INPUT");
      expect(demote.field).toBe("role");
      const deactivate = await domainError(setUserActive(t.db, someoneElse, second.id, false), "BAD_INPUT");
      expect(deactivate.field).toBe("id");
      expect(await getUser(t.db, second.id)).toMatchObject({ role: "admin", isActive: true });
    });
    // With the first admin active again, the second may go.
    expect((await setUserActive(t.db, actor, second.id, false)).isActive).toBe(false);
    const third = await makeUser(t.db, { role: "admin" });
    expect((await updateUser(t.db, actor, { id: third.id, role: "manager" })).role).toBe("manager");
  });

  it("survives two admins removing each other at the same moment", async () => {
    const a = await makeUser(t.db, { role: "admin" });
    const b = await makeUser(t.db, { role: "admin" });
    const asActor = (user: { id: string }): Actor => ({ id: user.id, role: "admin" });
    await asOnlyActiveAdmin([a.id, b.id], async () => {
      // Several rounds: on PostgreSQL the two transactions really overlap, and a guard that only
      // locks its own target row lets both through and leaves no admin at all.
      for (let round = 0; round < 5; round++) {
        await t.db.update(users).set({ role: "admin", kind: "staff", isActive: true }).where(inArray(users.id, [a.id, b.id]));
        const results = await Promise.allSettled([
          updateUser(t.db, asActor(a), { id: b.id, role: "manager" }),
          setUserActive(t.db, asActor(b), a.id, false),
        ]);
        const activeAdmins = await t.db.select({ id: users.id }).from(users).where(and(eq(users.role, "admin"), eq(users.isActive, true)));
        expect(activeAdmins, `round ${round}`).toHaveLength(1);
        const refused = results.filter((r) => r.status === "rejected");
        expect(refused, `round ${round}`).toHaveLength(1);
        expect(refused[0]?.status === "rejected" ? refused[0].reason : undefined).toBeInstanceOf(DomainError);
      }
    });
  });

  it("an inactive admin does not count, and may be demoted", async () => {
    const inactive = await makeUser(t.db, { role: "admin", isActive: false });
    await asOnlyActiveAdmin(admin.id, async () => {
      expect((await updateUser(t.db, actor, { id: inactive.id, role: "manager" })).role).toBe("manager");
    });
  });
});

describe("listUsers", () => {
  it("searches by name, e-mail, username and phone, case-insensitively", async () => {
    await makeUser(t.db, { role: "manager", name: "Zebulon Quill", username: "zquill", email: "zq@srch.test", phone: "79997770011" });
    const ids = async (search: string) => (await listUsers(t.db, { search })).rows.map((r) => r.username);
    expect(await ids("zebulon")).toEqual(["zquill"]);
    expect(await ids("ZQ@SRCH")).toEqual(["zquill"]);
    expect(await ids("zqui")).toEqual(["zquill"]);
    expect(await ids("9997770")).toEqual(["zquill"]);
  });

  it("treats % and _ in the search literally", async () => {
    await makeUser(t.db, { role: "manager", name: "Percent 100% Sure" });
    await makeUser(t.db, { role: "manager", name: "Percent 1000 Sure" });
    const percent = await listUsers(t.db, { search: "100%" });
    expect(percent.rows.map((r) => r.name)).toEqual(["Percent 100% Sure"]);
    const underscore = await listUsers(t.db, { search: "Percent 100_" });
    expect(underscore.total).toBe(0);
  });

  it("filters by role and status", async () => {
    const tag = "Filterable";
    const active = await makeUser(t.db, { role: "call_center", name: `${tag} One` });
    const inactive = await makeUser(t.db, { role: "call_center", name: `${tag} Two`, isActive: false });
    const otherRole = await makeUser(t.db, { role: "supplier", name: `${tag} Three` });
    const ids = async (filters: { role?: "call_center" | "supplier"; status?: "active" | "inactive" | "all" }) =>
      (await listUsers(t.db, { search: tag, ...filters })).rows.map((r) => r.id).sort();

    expect(await ids({})).toEqual([active.id, inactive.id, otherRole.id].sort());
    expect(await ids({ role: "call_center" })).toEqual([active.id, inactive.id].sort());
    expect(await ids({ role: "call_center", status: "active" })).toEqual([active.id]);
    expect(await ids({ status: "inactive" })).toEqual([inactive.id]);
    expect(await ids({ role: "supplier", status: "inactive" })).toEqual([]);
  });

  it("pages through results with the total of all matches", async () => {
    const created: string[] = [];
    for (let i = 1; i <= 12; i++) created.push((await makeUser(t.db, { role: "buyer", name: `Pager ${String(i).padStart(2, "0")}` })).id);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(await listUsers(t.db, { search: "Pager", pageSize: 5, page }));
    expect(pages.map((p) => p.total)).toEqual([12, 12, 12]);
    expect(pages.map((p) => p.rows.length)).toEqual([5, 5, 2]);
    expect(pages.map((p) => [p.page, p.pageSize])).toEqual([[1, 5], [2, 5], [3, 5]]);
    const seen = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(seen).size).toBe(12);
    expect([...seen].sort()).toEqual([...created].sort());
    const beyond = await listUsers(t.db, { search: "Pager", pageSize: 5, page: 4 });
    expect(beyond).toMatchObject({ rows: [], total: 12 });
  });

  it("never returns password hashes or TOTP secrets", async () => {
    const { rows } = await listUsers(t.db, { pageSize: 100 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row)).not.toContain("passwordHash");
      expect(Object.keys(row)).not.toContain("totpSecretEncrypted");
    }
  });

  it("rejects a page size outside 5..100", async () => {
    expect(await caught(listUsers(t.db, { pageSize: 1000 }))).toBeInstanceOf(ZodError);
    expect(await caught(listUsers(t.db, { page: 0 }))).toBeInstanceOf(ZodError);
  });
});
