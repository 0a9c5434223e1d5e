import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { authenticate, LoginRefused } from "@/server/domain/auth/authenticate";
import { open, seal } from "@/server/domain/crypto/secret-box";
import { beginTotpSetup, confirmTotpSetup, disableOwnTotp, type SelfContext } from "@/server/domain/users/own-account";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { caught, domainError, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { wrongTotpCode } from "../helpers/totp";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

let ipCounter = 0;
const loginContext = (encryptionKeys = [TEST_ENCRYPTION_KEY]) => ({ ip: `10.30.0.${++ipCounter}`, encryptionKeys });
const selfOf = (userId: string): SelfContext => ({ userId, sessionId: "not-used-here", encryptionKey: TEST_ENCRYPTION_KEY, ip: "10.30.1.1" });
const storedUser = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];

async function refusal(promise: Promise<unknown>): Promise<LoginRefused> {
  const error = await caught(promise);
  if (!(error instanceof LoginRefused)) throw new Error(`expected LoginRefused, got ${String(error)}`);
  return error;
}

/** A user with two-factor login switched on through the real setup flow. */
async function userWithTotp(role: "admin" | "manager" | "buyer" = "manager") {
  const user = await makeUser(t.db, { role });
  const { secret } = await beginTotpSetup(t.db, selfOf(user.id));
  await confirmTotpSetup(t.db, selfOf(user.id), await generate({ secret }));
  return { ...user, secret };
}

describe("two-factor setup", () => {
  it("keeps the new secret sealed and not yet required until a code confirms it", async () => {
    const user = await makeUser(t.db, { role: "admin", username: "setupadmin" });
    const { secret, uri } = await beginTotpSetup(t.db, selfOf(user.id));
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(encodeURIComponent(user.email ?? ""));
    expect(uri).toContain(`secret=${secret}`);

    const pending = await storedUser(user.id);
    expect(pending?.totpEnabled).toBe(false);
    expect(pending?.totpSecretEncrypted).toMatch(/^v1\./);
    expect(pending?.totpSecretEncrypted).not.toContain(secret);
    expect(open(pending?.totpSecretEncrypted ?? "", [TEST_ENCRYPTION_KEY])).toBe(secret);

    // A pending setup does not lock the user out.
    const login = await authenticate(t.db, { identifier: "setupadmin", password: user.password, remember: false }, loginContext());
    expect(login.user.id).toBe(user.id);

    const wrong = await domainError(confirmTotpSetup(t.db, selfOf(user.id), await wrongTotpCode(secret)), "BAD_INPUT");
    expect(wrong.field).toBe("code");
    expect((await storedUser(user.id))?.totpEnabled).toBe(false);

    await confirmTotpSetup(t.db, selfOf(user.id), await generate({ secret }));
    expect((await storedUser(user.id))?.totpEnabled).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(audit.map((a) => a.action)).toContain("user.totp_enable");
  });

  it("cannot confirm before starting, nor start or confirm twice", async () => {
    const fresh = await makeUser(t.db, { role: "manager" });
    await domainError(confirmTotpSetup(t.db, selfOf(fresh.id), "123456"), "PRECONDITION_FAILED");
    const enabled = await userWithTotp();
    await domainError(beginTotpSetup(t.db, selfOf(enabled.id)), "PRECONDITION_FAILED");
    await domainError(confirmTotpSetup(t.db, selfOf(enabled.id), await generate({ secret: enabled.secret })), "PRECONDITION_FAILED");
  });

  it("a restarted setup replaces the pending secret", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const first = await beginTotpSetup(t.db, selfOf(user.id));
    const second = await beginTotpSetup(t.db, selfOf(user.id));
    expect(second.secret).not.toBe(first.secret);
    expect(open((await storedUser(user.id))?.totpSecretEncrypted ?? "", [TEST_ENCRYPTION_KEY])).toBe(second.secret);
  });
});

describe("login with two-factor on", () => {
  it("asks for the code, refuses a wrong one, accepts the right one", async () => {
    const user = await userWithTotp();
    const input = { identifier: user.email ?? "", password: user.password, remember: false };

    const missing = await refusal(authenticate(t.db, input, loginContext()));
    expect(missing.reason).toBe("totp_required");
    expect(missing.code).toBe("UNAUTHENTICATED");

    const wrong = await refusal(authenticate(t.db, { ...input, otp: await wrongTotpCode(user.secret) }, loginContext()));
    expect(wrong.reason).toBe("totp_invalid");

    const ok = await authenticate(t.db, { ...input, otp: await generate({ secret: user.secret }) }, loginContext());
    expect(ok.user.id).toBe(user.id);
    expect(ok.session.id).toBeTruthy();
  });

  it("checks the password before the code: a wrong password with a right code is just invalid", async () => {
    const user = await userWithTotp();
    const error = await refusal(
      authenticate(t.db, { identifier: user.email ?? "", password: "wrong-password", otp: await generate({ secret: user.secret }), remember: false }, loginContext()),
    );
    expect(error.reason).toBe("invalid");
  });

  it("counts wrong codes towards the account lock", async () => {
    const user = await userWithTotp();
    const input = { identifier: user.email ?? "", password: user.password, remember: false };
    const bad = await wrongTotpCode(user.secret);
    for (let i = 0; i < 5; i++) expect((await refusal(authenticate(t.db, { ...input, otp: bad }, loginContext()))).reason).toBe("totp_invalid");
    const locked = await refusal(authenticate(t.db, { ...input, otp: await generate({ secret: user.secret }) }, loginContext()));
    expect(locked.reason).toBe("throttled_account");
  });

  it("still opens a secret sealed with a rotated-out key", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const oldKey = randomBytes(32);
    await t.db.update(users).set({ totpEnabled: true, totpSecretEncrypted: seal(secret, oldKey) }).where(eq(users.id, user.id));
    const ok = await authenticate(
      t.db,
      { identifier: user.email ?? "", password: user.password, otp: await generate({ secret }), remember: false },
      loginContext([TEST_ENCRYPTION_KEY, oldKey]),
    );
    expect(ok.user.id).toBe(user.id);
  });
});

describe("switching two-factor off", () => {
  it("needs the right password, then login needs no code", async () => {
    const user = await userWithTotp();
    const wrong = await domainError(disableOwnTotp(t.db, selfOf(user.id), "not-my-password"), "BAD_INPUT");
    expect(wrong.field).toBe("password");
    expect((await storedUser(user.id))?.totpEnabled).toBe(true);

    await disableOwnTotp(t.db, selfOf(user.id), user.password);
    const row = await storedUser(user.id);
    expect(row?.totpEnabled).toBe(false);
    expect(row?.totpSecretEncrypted).toBeNull();
    const login = await authenticate(t.db, { identifier: user.email ?? "", password: user.password, remember: false }, loginContext());
    expect(login.user.id).toBe(user.id);
  });
});

describe("two-factor through tRPC", () => {
  it("runs the whole flow as the signed-in user", async () => {
    const user = await makeUser(t.db, { role: "buyer" });
    const caller = callerFor(t.db, await sessionFor(t.db, user.id));
    const { secret, qrDataUrl } = await caller.account.beginTotp();
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);

    expect((await trpcError(caller.account.confirmTotp({ code: "12345" }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(caller.account.confirmTotp({ code: await wrongTotpCode(secret) }))).code).toBe("BAD_REQUEST");
    await caller.account.confirmTotp({ code: await generate({ secret }) });
    expect((await storedUser(user.id))?.totpEnabled).toBe(true);

    expect((await trpcError(caller.account.beginTotp())).code).toBe("PRECONDITION_FAILED");
    expect((await trpcError(caller.account.disableTotp({ password: "not-my-password" }))).code).toBe("BAD_REQUEST");
    await caller.account.disableTotp({ password: user.password });
    expect((await storedUser(user.id))?.totpEnabled).toBe(false);
  });

  it("refuses anonymous callers", async () => {
    expect((await trpcError(callerFor(t.db, null).account.beginTotp())).code).toBe("UNAUTHORIZED");
  });
});
