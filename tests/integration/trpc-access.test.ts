import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { supplierMembers, suppliers } from "@/db/schema";
import { DomainError } from "@/server/domain/errors";
import { PERMISSIONS } from "@/server/auth/permissions";
import { kindOfRole, ROLES, type Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import type { Access } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { outcomeOf, trpcError } from "../helpers/errors";
import { makeApprovedSupplier } from "../helpers/supplier-fixtures";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";

interface ProcedureEntry {
  path: string;
  access: Access | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => (typeof value === "object" || typeof value === "function") && value !== null;

/**
 * Every procedure of the router with its access rule. tRPC keeps `_def.procedures` as a flat
 * record of dotted paths at run time; nested records are walked too, so none can hide.
 */
function listProcedures(record: unknown, prefix = ""): ProcedureEntry[] {
  if (!isRecord(record)) return [];
  return Object.entries(record).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const def = isRecord(value) ? value._def : undefined;
    if (isRecord(def) && def.procedure === true) {
      const meta = isRecord(def.meta) ? def.meta : {};
      return [{ path, access: meta.access as Access | undefined }];
    }
    return listProcedures(isRecord(def) && isRecord(def.record) ? def.record : value, path);
  });
}
const procedures = listProcedures(appRouter._def.procedures);
const withPermission = procedures.filter((p): p is ProcedureEntry & { access: Extract<Access, { kind: "permission" }> } => p.access?.kind === "permission");
const authenticatedOnly = procedures.filter((p) => p.access?.kind === "authenticated");

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
/**
 * Inputs that pass validation where that is cheap and harmless, so an allowed call reaches the
 * domain code (NOT_FOUND for an unknown id). Any procedure not listed gets `{}`.
 */
const SAMPLE_INPUT: Record<string, unknown> = {
  "users.get": { id: UNKNOWN_ID },
  "users.update": { id: UNKNOWN_ID, name: "Nobody" },
  "users.setActive": { id: UNKNOWN_ID, active: true },
  "users.resetPassword": { id: UNKNOWN_ID, password: "long-enough-1" },
  "settings.setSecurity": { requireAdminTotp: false },
  "suppliers.get": { id: UNKNOWN_ID },
  "suppliers.deactivateMember": { userId: UNKNOWN_ID },
  "suppliers.decide": { id: UNKNOWN_ID, decision: "approve" },
  "suppliers.moderateNews": { id: UNKNOWN_ID, decision: "approve" },
};
const sampleInput = (path: string): unknown => (path in SAMPLE_INPUT ? SAMPLE_INPUT[path] : {});
/** Outcomes that mean an allowed caller did not get through (or the procedure crashed). */
const NOT_LET_THROUGH = ["FORBIDDEN", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"];

type Caller = ReturnType<typeof callerFor>;
/** The caller's function for a dotted procedure path, as a client would reach it. */
function procedureOn(caller: Caller, path: string): (input: unknown) => Promise<unknown> {
  let target: unknown = caller;
  for (const segment of path.split(".")) {
    if ((typeof target !== "object" && typeof target !== "function") || target === null) throw new Error(`no procedure at ${path}`);
    target = (target as Record<string, unknown>)[segment];
  }
  if (typeof target !== "function") throw new Error(`no procedure at ${path}`);
  return target as (input: unknown) => Promise<unknown>;
}
const call = (session: ActiveSession | null, path: string) => procedureOn(callerFor(t.db, session), path)(sampleInput(path));

/** What the permission map says, written out independently of the middleware's own check. */
function mayCall(role: Role, access: Extract<Access, { kind: "permission" }>): boolean {
  return kindOfRole(role) === access.audience && (PERMISSIONS[access.permission] as readonly Role[]).includes(role);
}

let t: TestDatabase;
const sessions = new Map<Role, ActiveSession>();
const sessionOf = (role: Role): ActiveSession => {
  const session = sessions.get(role);
  if (!session) throw new Error(`no session for ${role}`);
  return session;
};
beforeAll(async () => {
  t = await createTestDatabase();
  for (const role of ROLES) {
    const user = await makeUser(t.db, { role });
    // The supplier cabinet's rows are scoped to an approved supplier (requireActiveSupplier): the
    // supplier role needs one, or every allowed call would end FORBIDDEN in the domain.
    if (role === "supplier") {
      const [supplier] = await t.db.insert(suppliers).values({ name: "ООО Доступ", inn: "7707083893", kpp: "770701001", status: "approved" }).returning();
      await t.db.insert(supplierMembers).values({ userId: user.id, supplierId: supplier!.id, isOwner: true });
    }
    sessions.set(role, await sessionFor(t.db, user.id));
  }
  // The supplier login works for an approved supplier, as the cabinet's scoping requires.
  await makeApprovedSupplier(t.db, sessionOf("supplier").user.id);
});
afterAll(async () => {
  await t.destroy();
});

describe("access rules", () => {
  it("finds the procedures of every router", () => {
    const paths = procedures.map((p) => p.path);
    expect(paths.length).toBeGreaterThanOrEqual(14);
    expect(paths).toContain("users.list");
    expect(paths).toContain("settings.setSecurity");
    expect(paths).toContain("account.me");
  });

  it("every procedure states who may call it", () => {
    const missing = procedures.filter((p) => p.access === undefined).map((p) => p.path);
    expect(missing).toEqual([]);
  });

  it("every permission rule names a known permission and is reachable by some role", () => {
    for (const { path, access } of withPermission) {
      expect(Object.keys(PERMISSIONS), path).toContain(access.permission);
      expect(ROLES.some((role) => mayCall(role, access)), `${path} is callable by no role`).toBe(true);
    }
  });
});

describe.each(withPermission)("$path", ({ path, access }) => {
  it("refuses anonymous callers with UNAUTHORIZED", async () => {
    expect(await outcomeOf(call(null, path))).toBe("UNAUTHORIZED");
  });

  it.each(ROLES.map((role) => ({ role, allowed: mayCall(role, access) })))("$role → allowed: $allowed", async ({ role, allowed }) => {
    const outcome = await outcomeOf(call(sessionOf(role), path));
    if (allowed) {
      // The sample input may be refused or name nothing, but access must pass and nothing may crash.
      expect(NOT_LET_THROUGH).not.toContain(outcome);
    } else {
      expect(outcome).toBe("FORBIDDEN");
    }
  });
});

describe.each(authenticatedOnly)("$path (any signed-in user)", ({ path }) => {
  it("refuses anonymous callers with UNAUTHORIZED", async () => {
    expect(await outcomeOf(call(null, path))).toBe("UNAUTHORIZED");
  });

  it.each(ROLES)("lets %s through", async (role) => {
    expect(NOT_LET_THROUGH).not.toContain(await outcomeOf(call(sessionOf(role), path)));
  });
});

describe("specific rules", () => {
  it.each(["buyer", "supplier", "call_center", "manager", "director"] as const)("%s may not list users", async (role) => {
    const error = await trpcError(callerFor(t.db, sessionOf(role)).users.list({}));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("an admin lists users and reads security settings", async () => {
    const admin = callerFor(t.db, sessionOf("admin"));
    const list = await admin.users.list({ pageSize: 100 });
    const listed = new Set(list.rows.map((r) => r.id));
    for (const role of ROLES) expect(listed.has(sessionOf(role).user.id), role).toBe(true);
    expect(await admin.settings.security()).toEqual({ requireAdminTotp: false });
  });

  it("checks access before validating input, so a refused caller learns nothing about the input", async () => {
    expect((await trpcError(callerFor(t.db, sessionOf("manager")).users.get({ id: "not-a-uuid" }))).code).toBe("FORBIDDEN");
    expect((await trpcError(callerFor(t.db, null).users.get({ id: "not-a-uuid" }))).code).toBe("UNAUTHORIZED");
  });

  it("account.me tells each role its home and permissions", async () => {
    for (const role of ROLES) {
      const me = await callerFor(t.db, sessionOf(role)).account.me();
      expect(me.user.role).toBe(role);
      expect(me.permissions).toContain("account.self");
      expect(me.permissions.includes("users.manage")).toBe(role === "admin");
    }
  });
});

describe("error mapping", () => {
  it("turns a domain conflict into CONFLICT, keeping the field", async () => {
    const admin = callerFor(t.db, sessionOf("admin"));
    const input = { role: "manager" as const, name: "Twin", username: "twin", email: "twin@example.com", password: "long-enough-1" };
    await admin.users.create(input);
    const error = await trpcError(admin.users.create({ ...input, username: "twin2", email: "TWIN@example.com" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.cause).toBeInstanceOf(DomainError);
    expect(error.cause instanceof DomainError ? error.cause.field : undefined).toBe("email");
  });

  it("turns a domain BAD_INPUT into BAD_REQUEST", async () => {
    const admin = callerFor(t.db, sessionOf("admin"));
    const error = await trpcError(admin.users.create({ role: "buyer", name: "No Contact", password: "long-enough-1" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause instanceof DomainError ? error.cause.field : undefined).toBe("email");
  });

  it("turns invalid input into BAD_REQUEST with the first problem as message", async () => {
    const admin = callerFor(t.db, sessionOf("admin"));
    const badEmail = await trpcError(admin.users.create({ role: "manager", name: "Bad", username: "bademail", email: "not-an-email", password: "long-enough-1" }));
    expect(badEmail.code).toBe("BAD_REQUEST");
    expect(badEmail.message).toBe("E-mail is not valid");
    const shortPassword = await trpcError(admin.users.create({ role: "manager", name: "Bad", username: "shortpw", password: "short" }));
    expect(shortPassword.code).toBe("BAD_REQUEST");
    expect(shortPassword.message).toMatch(/at least 8/);
  });

  it("turns a missing record into NOT_FOUND", async () => {
    const error = await trpcError(callerFor(t.db, sessionOf("admin")).users.get({ id: UNKNOWN_ID }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("leaves unexpected errors internal", async () => {
    const unreachable = new Proxy({} as Db, {
      get() {
        throw new Error("database is down");
      },
    });
    const error = await trpcError(callerFor(unreachable, sessionOf("admin")).users.list({}));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.cause).not.toBeInstanceOf(DomainError);
  });
});
