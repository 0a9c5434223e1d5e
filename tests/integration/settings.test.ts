import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appSettings } from "@/db/schema";
import { ROLES } from "@/server/auth/roles";
import { getSetting, setSetting } from "@/server/domain/settings/settings";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { caught, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

const KEY = "security.requireAdminTotp";
const storedRow = async () => (await t.db.select().from(appSettings).where(eq(appSettings.key, KEY)))[0];

describe("settings", () => {
  it("reads the default (false) when nothing was stored", async () => {
    expect(await storedRow()).toBeUndefined();
    expect(await getSetting(t.db, KEY)).toBe(false);
  });

  it("stores a value, overwrites it, and records who changed it", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    await setSetting(t.db, KEY, true, admin.id);
    expect(await getSetting(t.db, KEY)).toBe(true);
    expect(await storedRow()).toMatchObject({ value: true, updatedBy: admin.id });

    await setSetting(t.db, KEY, false, null);
    expect(await getSetting(t.db, KEY)).toBe(false);
    expect(await storedRow()).toMatchObject({ value: false, updatedBy: null });
    expect(await t.db.select().from(appSettings)).toHaveLength(1);
  });

  it("refuses a value of the wrong type and keeps the stored one", async () => {
    await setSetting(t.db, KEY, true, null);
    const notABoolean: unknown = "yes";
    expect(await caught(setSetting(t.db, KEY, notABoolean as boolean, null))).toBeInstanceOf(Error);
    expect(await getSetting(t.db, KEY)).toBe(true);
    await setSetting(t.db, KEY, false, null);
  });
});

describe("settings through tRPC", () => {
  afterEach(async () => {
    await setSetting(t.db, KEY, false, null);
  });

  /** An admin who has two-factor login on, so the admin-TOTP rule never stands in the way. */
  async function adminCaller() {
    const admin = await makeUser(t.db, { role: "admin", totpEnabled: true });
    return { admin, caller: callerFor(t.db, await sessionFor(t.db, admin.id)) };
  }

  it("an admin reads and changes the security settings", async () => {
    const { admin, caller } = await adminCaller();
    expect(await caller.settings.security()).toEqual({ requireAdminTotp: false });
    expect(await caller.settings.setSecurity({ requireAdminTotp: true })).toEqual({ requireAdminTotp: true });
    expect(await caller.settings.security()).toEqual({ requireAdminTotp: true });
    expect(await getSetting(t.db, KEY)).toBe(true);
    expect((await storedRow())?.updatedBy).toBe(admin.id);
    await caller.settings.setSecurity({ requireAdminTotp: false });
    expect(await getSetting(t.db, KEY)).toBe(false);
  });

  it.each(ROLES.filter((role) => role !== "admin"))("%s may neither read nor change them", async (role) => {
    const user = await makeUser(t.db, { role });
    const caller = callerFor(t.db, await sessionFor(t.db, user.id));
    expect((await trpcError(caller.settings.setSecurity({ requireAdminTotp: true }))).code).toBe("FORBIDDEN");
    expect((await trpcError(caller.settings.security())).code).toBe("FORBIDDEN");
    expect(await getSetting(t.db, KEY)).toBe(false);
  });

  it("anonymous callers must log in", async () => {
    expect((await trpcError(callerFor(t.db, null).settings.setSecurity({ requireAdminTotp: true }))).code).toBe("UNAUTHORIZED");
    expect(await getSetting(t.db, KEY)).toBe(false);
  });

  it("rejects a non-boolean value as BAD_REQUEST", async () => {
    const { caller } = await adminCaller();
    const input: unknown = { requireAdminTotp: "true" };
    expect((await trpcError(caller.settings.setSecurity(input as { requireAdminTotp: boolean }))).code).toBe("BAD_REQUEST");
    expect(await getSetting(t.db, KEY)).toBe(false);
  });
});

describe("requiring two-factor login for admins", () => {
  afterEach(async () => {
    await setSetting(t.db, KEY, false, null);
  });

  it("confines an admin without it to their own account until it is set up", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const caller = callerFor(t.db, await sessionFor(t.db, admin.id));
    expect(await caller.users.list({})).toMatchObject({ page: 1 });

    await setSetting(t.db, KEY, true, null);
    expect((await trpcError(caller.users.list({}))).code).toBe("FORBIDDEN");
    expect((await trpcError(caller.settings.security())).code).toBe("FORBIDDEN");
    // Their own account stays open, so they can set two-factor login up.
    expect((await caller.account.me()).user.id).toBe(admin.id);
    const { secret } = await caller.account.beginTotp();
    await caller.account.confirmTotp({ code: await generate({ secret }) });

    // A session resolved after the change lets them back in.
    const afterSetup = callerFor(t.db, await sessionFor(t.db, admin.id));
    expect(await afterSetup.users.list({})).toMatchObject({ page: 1 });
  });

  it("does not apply to admins who have it, nor to other roles", async () => {
    await setSetting(t.db, KEY, true, null);
    const withTotp = await makeUser(t.db, { role: "admin", totpEnabled: true });
    expect(await callerFor(t.db, await sessionFor(t.db, withTotp.id)).settings.security()).toEqual({ requireAdminTotp: true });
    const director = await makeUser(t.db, { role: "director" });
    // A director is refused by role, as always, not by the two-factor rule.
    const refused = await trpcError(callerFor(t.db, await sessionFor(t.db, director.id)).users.list({}));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).not.toMatch(/two-factor/i);
  });
});
