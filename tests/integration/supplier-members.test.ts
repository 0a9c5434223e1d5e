import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailMessages, outbox, userInvitations, userSessions } from "@/db/schema";
import { authenticate } from "@/server/domain/auth/authenticate";
import { notificationEmailHandler } from "@/server/domain/notifications/channel-jobs";
import { acceptInvitation, INVITATION_TTL_MS, inviteSupplierMember } from "@/server/domain/suppliers/members";
import { supplierMemberIds } from "@/server/domain/suppliers/supplier-scope";
import type { MailTransport } from "@/server/integrations/mail/transport";
import { runDueJobs } from "@/server/jobs/worker";
import { createCaller } from "@/server/trpc/root";
import { domainError, outcomeOf, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { makeApprovedSupplier } from "../helpers/supplier-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let owner: Awaited<ReturnType<typeof makeUser>>;
let supplierId: string;
let otherOwner: Awaited<ReturnType<typeof makeUser>>;
const transport: MailTransport = { name: "mailbox", send: async () => ({ providerId: "test" }) };

const as = async (userId: string) => callerFor(t.db, await sessionFor(t.db, userId));
let ip = 0;
const anonymous = () => {
  ip += 1;
  return createCaller({ db: t.db, session: null, ip: `10.66.0.${ip}`, encryptionKey: TEST_ENCRYPTION_KEY });
};
const login = (identifier: string, password: string) => authenticate(t.db, { identifier, password, remember: false }, { ip: "10.9.1.1", encryptionKeys: [] });
let seq = 0;
const colleagueEmail = () => `colleague-${Date.now().toString(36)}-${(seq += 1)}@supplier.test`;

/** The token is only in the e-mail: read it back from the queued job, as the colleague would from the link. */
async function tokenSentTo(email: string): Promise<string> {
  const jobs = await t.db.select().from(outbox).where(eq(outbox.topic, "notification.email")).orderBy(desc(outbox.id));
  const job = jobs.find((j) => (j.payload as { to?: string }).to === email);
  const link = (job?.payload as { link?: string } | undefined)?.link ?? "";
  const token = new URL(link, "http://app.test").searchParams.get("token");
  if (!token) throw new Error(`no invitation for ${email}`);
  return token;
}

beforeAll(async () => {
  t = await createTestDatabase();
  owner = await makeUser(t.db, { role: "supplier" });
  supplierId = (await makeApprovedSupplier(t.db, owner.id, "ООО «Команда»")).id;
  otherOwner = await makeUser(t.db, { role: "supplier" });
  await makeApprovedSupplier(t.db, otherOwner.id);
});
afterAll(async () => {
  await t.destroy();
});

describe("supplier members", () => {
  it("an owner invites a colleague: an inactive login, an e-mail with a one-time link, the password set through it", async () => {
    const email = colleagueEmail();
    const api = await as(owner.id);
    const { userId } = await api.suppliers.inviteMember({ name: "Мария Коллегова", email, locale: "en" });
    const listed = (await api.suppliers.members()).members.find((m) => m.userId === userId);
    expect(listed).toMatchObject({ name: "Мария Коллегова", email, isActive: false, isOwner: false, invited: true });
    await expect(login(email, "anything-at-all")).rejects.toMatchObject({ reason: "invalid" });

    await runDueJobs(t.db, { "notification.email": notificationEmailHandler({ transport, from: "t3@test.local", baseUrl: "http://app.test" }) });
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(mail).toMatchObject({ locale: "en", subject: "You are invited to ООО «Команда» on T3 CRM" });
    const token = await tokenSentTo(email);
    expect(mail?.html).toContain(`http://app.test/set-password?token=${token}`);
    const [stored] = await t.db.select().from(userInvitations).where(eq(userInvitations.userId, userId));
    expect(stored?.tokenHash).not.toContain(token);

    expect((await trpcError(anonymous().suppliers.acceptInvitation({ token, password: "short" }))).code).toBe("BAD_REQUEST");
    expect(await anonymous().suppliers.acceptInvitation({ token, password: "colleague-pass-1" })).toEqual({ email });
    const session = await login(email, "colleague-pass-1");
    expect(session.user).toMatchObject({ role: "supplier", locale: "en" });
    expect((await (await as(userId)).suppliers.home()).supplierId).toBe(supplierId);
    // One use only.
    const reused = await trpcError(anonymous().suppliers.acceptInvitation({ token, password: "another-pass-2" }));
    expect(reused.code).toBe("BAD_REQUEST");
    expect((reused.cause as { field?: string } | undefined)?.field).toBe("token");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "supplier.member_invite"), eq(auditLog.targetId, supplierId)));
    expect(audit?.actorId).toBe(owner.id);
  });

  it("refuses an e-mail that has an account and an expired link", async () => {
    const taken = await trpcError((await as(owner.id)).suppliers.inviteMember({ name: "Двойник", email: otherOwner.email! }));
    expect(taken.code).toBe("CONFLICT");
    expect((taken.cause as { field?: string } | undefined)?.field).toBe("email");
    expect((await trpcError((await as(owner.id)).suppliers.inviteMember({ name: "X", email: "not-an-email" }))).code).toBe("BAD_REQUEST");

    const email = colleagueEmail();
    const long = new Date(Date.now() - INVITATION_TTL_MS - 60_000);
    await inviteSupplierMember(t.db, { id: owner.id }, { name: "Опоздавший", email }, long);
    await domainError(acceptInvitation(t.db, { token: await tokenSentTo(email), password: "late-pass-123" }), "BAD_INPUT");
  });

  it("deactivates a colleague (sessions end), never oneself; a plain member never the owner; others' members are out of reach", async () => {
    const email = colleagueEmail();
    const api = await as(owner.id);
    const { userId } = await api.suppliers.inviteMember({ name: "Пётр Временный", email });
    await anonymous().suppliers.acceptInvitation({ token: await tokenSentTo(email), password: "temporary-pass-1" });
    const colleagueSession = await sessionFor(t.db, userId);

    const self = await trpcError(api.suppliers.deactivateMember({ userId: owner.id }));
    expect(self.code).toBe("BAD_REQUEST");
    expect((self.cause as { field?: string } | undefined)?.field).toBe("userId");
    // A plain member cannot switch the owner off; another supplier cannot reach this one's people.
    expect(await outcomeOf((await as(userId)).suppliers.deactivateMember({ userId: owner.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf((await as(otherOwner.id)).suppliers.deactivateMember({ userId }))).toBe("NOT_FOUND");

    await api.suppliers.deactivateMember({ userId });
    const [ended] = await t.db.select({ revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.id, colleagueSession.sessionId));
    expect(ended?.revokedAt).not.toBeNull();
    await expect(login(email, "temporary-pass-1")).rejects.toMatchObject({ reason: "inactive" });
    // Order and stock notifications skip a switched-off colleague.
    expect(await supplierMemberIds(t.db, supplierId)).not.toContain(userId);
    expect(await supplierMemberIds(t.db, supplierId)).toContain(owner.id);
    expect((await api.suppliers.members()).members.find((m) => m.userId === userId)).toMatchObject({ isActive: false, invited: false });

    // The other supplier has one active member: its owner. A second, invited one does not count.
    const lonely = await as(otherOwner.id);
    const pendingEmail = colleagueEmail();
    const invited = await lonely.suppliers.inviteMember({ name: "Ещё не вошёл", email: pendingEmail });
    await lonely.suppliers.deactivateMember({ userId: invited.userId });
    // Voided: the link no longer switches the login on.
    expect((await trpcError(anonymous().suppliers.acceptInvitation({ token: await tokenSentTo(pendingEmail), password: "never-used-1" }))).code).toBe("BAD_REQUEST");
  });

  it("shows the members to staff who review suppliers, and to nobody else outside the supplier", async () => {
    const admin = await makeUser(t.db, { role: "admin" });
    const detail = await (await as(admin.id)).suppliers.get({ id: supplierId });
    expect(detail.members.map((m) => m.name)).toEqual(expect.arrayContaining(["Мария Коллегова", "Пётр Временный"]));
    expect(detail.members.find((m) => m.userId === owner.id)).toMatchObject({ isOwner: true, isActive: true });
    for (const role of ["manager", "content_moderator", "buyer"] as const) {
      const user = await makeUser(t.db, { role });
      expect(await outcomeOf((await as(user.id)).suppliers.get({ id: supplierId }))).toBe("FORBIDDEN");
      expect(await outcomeOf((await as(user.id)).suppliers.members())).toBe("FORBIDDEN");
      expect(await outcomeOf((await as(user.id)).suppliers.inviteMember({ name: "Чужой", email: colleagueEmail() }))).toBe("FORBIDDEN");
    }
  });
});
