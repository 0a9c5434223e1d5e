import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, LoginRefused } from "@/server/domain/auth/authenticate";
import { resolveSession } from "@/server/domain/auth/sessions";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "@/server/domain/auth/throttle";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { makeUser, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

const ctx = (ip = "10.0.0.1") => ({ ip, encryptionKeys: [TEST_ENCRYPTION_KEY] });

async function refusal(promise: Promise<unknown>): Promise<LoginRefused> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LoginRefused)) throw new Error(`expected LoginRefused, got ${String(error)}`);
  return error;
}

describe("authenticate", () => {
  it("logs a staff user in by username and by e-mail, creating a server-side session", async () => {
    const user = await makeUser(t.db, { role: "manager", username: "Maria", email: "maria@example.com" });
    const byName = await authenticate(t.db, { identifier: "maria", password: user.password, remember: true }, ctx());
    expect(byName.user.id).toBe(user.id);
    const byEmail = await authenticate(t.db, { identifier: " MARIA@example.com ", password: user.password, remember: false }, ctx());
    const session = await resolveSession(t.db, byEmail.session.id);
    expect(session?.user.id).toBe(user.id);
    expect(session?.remember).toBe(false);
  });

  it("logs buyers in by phone in any notation, but never staff by phone", async () => {
    const buyer = await makeUser(t.db, { role: "buyer", phone: "79991234567" });
    const result = await authenticate(t.db, { identifier: "+7 (999) 123-45-67", password: buyer.password, remember: false }, ctx());
    expect(result.user.id).toBe(buyer.id);
    await makeUser(t.db, { role: "admin", phone: "15550001111" });
    const error = await refusal(authenticate(t.db, { identifier: "+1 555 000 1111", password: "correct-horse-1", remember: false }, ctx("10.0.0.9")));
    expect(error.reason).toBe("invalid");
  });

  it("gives the same answer for a wrong password and an unknown user", async () => {
    const user = await makeUser(t.db, { role: "director" });
    const wrong = await refusal(authenticate(t.db, { identifier: user.email!, password: "nope-nope", remember: false }, ctx("10.0.1.1")));
    const unknown = await refusal(authenticate(t.db, { identifier: "ghost@example.com", password: "nope-nope", remember: false }, ctx("10.0.1.1")));
    expect(wrong.reason).toBe("invalid");
    expect(unknown.reason).toBe("invalid");
    expect(wrong.message).toBe(unknown.message);
  });

  it("locks an account after repeated failures, even with the right password, and says for how long", async () => {
    const user = await makeUser(t.db, { role: "manager" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await refusal(authenticate(t.db, { identifier: user.email!, password: `bad-${i}-pass`, remember: false }, ctx(`10.1.0.${i}`)));
    }
    const locked = await refusal(authenticate(t.db, { identifier: user.email!, password: user.password, remember: false }, ctx("10.1.1.1")));
    expect(locked.reason).toBe("throttled_account");
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("blocks an IP after 20 rapid failures across accounts", async () => {
    const ip = "10.2.0.1";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const e = await refusal(authenticate(t.db, { identifier: `nobody${i}@example.com`, password: "whatever1", remember: false }, ctx(ip)));
      expect(e.reason).toBe("invalid");
    }
    const user = await makeUser(t.db, { role: "manager" });
    const blocked = await refusal(authenticate(t.db, { identifier: user.email!, password: user.password, remember: false }, ctx(ip)));
    expect(blocked.reason).toBe("throttled_ip");
    // The same account still logs in from another address.
    const ok = await authenticate(t.db, { identifier: user.email!, password: user.password, remember: false }, ctx("10.2.0.2"));
    expect(ok.user.id).toBe(user.id);
  });

  it("refuses a deactivated account only after the right password", async () => {
    const user = await makeUser(t.db, { role: "manager", isActive: false });
    const wrong = await refusal(authenticate(t.db, { identifier: user.email!, password: "bad-password", remember: false }, ctx("10.3.0.1")));
    expect(wrong.reason).toBe("invalid");
    const right = await refusal(authenticate(t.db, { identifier: user.email!, password: user.password, remember: false }, ctx("10.3.0.1")));
    expect(right.reason).toBe("inactive");
  });
});
