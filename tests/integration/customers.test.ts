import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, customers, orderEvents, orders } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import { CUSTOMER_COUNT_CAP, type ListCustomersInput } from "@/server/domain/customers/customer-schemas";
import { listCustomers } from "@/server/domain/customers/list-customers";
import {
  assignableManagers,
  assignManager,
  createCustomer,
  customerOrders,
  deleteCustomer,
  getCustomer,
  setCustomerStatus,
  updateCustomer,
} from "@/server/domain/customers/manage-customers";
import type { Actor } from "@/server/domain/users/manage-users";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { domainError, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestShop, insertFxRate, orderBody, orderDeps, placeOrder, type TestShop } from "../helpers/order-fixtures";

let t: TestDatabase;
let shop: TestShop;
const actors = {} as Record<"admin" | "director" | "head" | "otherHead" | "manager" | "teammate" | "outsider", Actor>;

const actorOf = (user: { id: string; role: Role }): Actor => ({ id: user.id, role: user.role, ip: "10.1.2.3" });

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db);
  await insertFxRate(t.db, "EUR", "1.1");
  const admin = await makeUser(t.db, { role: "admin" });
  const director = await makeUser(t.db, { role: "director" });
  const head = await makeUser(t.db, { role: "head_manager" });
  const otherHead = await makeUser(t.db, { role: "head_manager" });
  const manager = await makeUser(t.db, { role: "manager", supervisorId: head.id, name: "Mia Manager" });
  const teammate = await makeUser(t.db, { role: "manager", supervisorId: head.id });
  const outsider = await makeUser(t.db, { role: "manager", supervisorId: otherHead.id });
  Object.assign(actors, {
    admin: actorOf(admin),
    director: actorOf(director),
    head: actorOf(head),
    otherHead: actorOf(otherHead),
    manager: actorOf(manager),
    teammate: actorOf(teammate),
    outsider: actorOf(outsider),
  });
});
afterAll(async () => {
  await t.destroy();
});

let seq = 0;
/** A customer of `owner` (a manager's own, or unassigned with null), added the way staff add one. */
async function addCustomer(owner: Actor | null, fields: Partial<{ email: string; firstName: string; lastName: string; phone: string; country: string }> = {}) {
  seq += 1;
  const created = await createCustomer(t.db, owner ?? actors.admin, {
    email: fields.email ?? `customer${seq}.${Date.now()}@example.com`,
    firstName: fields.firstName ?? "Test",
    lastName: fields.lastName ?? `Customer${seq}`,
    phone: fields.phone ?? `+1 555 ${String(100000 + seq)}`,
    country: fields.country ?? "US",
    managerId: owner ? undefined : null,
  });
  return created;
}

const list = (actor: Actor, input: ListCustomersInput = {}) => listCustomers(t.db, actor, input);
const idsOf = (page: { rows: Array<{ id: string }> }) => page.rows.map((r) => r.id);

describe("adding and editing customers", () => {
  it("adds a customer with a trimmed lower-cased e-mail, owned by the manager who adds it, with an audit row", async () => {
    const created = await createCustomer(t.db, actors.manager, {
      email: "  Anna.Smith@Example.COM ",
      firstName: " Anna ",
      lastName: "Smith",
      phone: "+44 20 7946 0018",
      country: "gb",
      billingAddress: { country: "gb", city: "London", zip: "SW1A 1AA", address: "10 Downing St" },
    });
    expect(created).toMatchObject({
      email: "anna.smith@example.com",
      firstName: "Anna",
      country: "GB",
      status: "active",
      managerId: actors.manager.id,
      managerName: "Mia Manager",
      ordersCount: 0,
      phones: ["+44 20 7946 0018"],
    });
    // Shipping defaults to the billing address.
    expect(created.shippingAddress).toMatchObject({ country: "GB", city: "London", address: "10 Downing St", state: "" });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, created.id), eq(auditLog.action, "customer.create")));
    expect(audit).toMatchObject({ actorId: actors.manager.id, targetType: "customer", ip: "10.1.2.3" });
  });

  it("refuses an e-mail that is taken, in any case, as CONFLICT on the e-mail field", async () => {
    await addCustomer(actors.manager, { email: "dup@example.com" });
    const error = await domainError(addCustomer(actors.teammate, { email: " DUP@example.com" }), "CONFLICT");
    expect(error.field).toBe("email");
    expect(error.message).toMatch(/e-mail/);
  });

  it("refuses a manager adding a customer for someone else", async () => {
    await domainError(createCustomer(t.db, actors.manager, { email: "x1@example.com", firstName: "X", lastName: "Y", managerId: actors.teammate.id }), "FORBIDDEN");
  });

  it("edits fields and the e-mail, keeping earlier phones, and refuses a taken e-mail naming the field", async () => {
    const a = await addCustomer(actors.manager, { email: "edit.a@example.com", phone: "+1 555 000 1111" });
    const b = await addCustomer(actors.manager, { email: "edit.b@example.com" });
    const updated = await updateCustomer(t.db, actors.manager, { id: a.id, email: "Edit.A2@Example.com", lastName: "Renamed", phone: "+1 555 000 2222" });
    expect(updated).toMatchObject({ email: "edit.a2@example.com", lastName: "Renamed", phone: "+1 555 000 2222", phones: ["+1 555 000 2222", "+1 555 000 1111"] });
    const error = await domainError(updateCustomer(t.db, actors.manager, { id: a.id, email: "EDIT.B@example.com" }), "CONFLICT");
    expect(error.field).toBe("email");
    expect((await getCustomer(t.db, actors.manager, b.id)).email).toBe("edit.b@example.com");
    // Its own e-mail is not a conflict; a blank phone clears it.
    const same = await updateCustomer(t.db, actors.manager, { id: a.id, email: "edit.a2@example.com", phone: "" });
    expect(same.phone).toBeNull();
  });

  it("does not let a manager edit, see or delete another manager's client (NOT_FOUND)", async () => {
    const foreign = await addCustomer(actors.outsider);
    await domainError(getCustomer(t.db, actors.manager, foreign.id), "NOT_FOUND");
    await domainError(updateCustomer(t.db, actors.manager, { id: foreign.id, firstName: "Hacked" }), "NOT_FOUND");
    await domainError(setCustomerStatus(t.db, actors.manager, { ids: [foreign.id], status: "blocked", reason: "nope" }), "NOT_FOUND");
    await domainError(deleteCustomer(t.db, actors.manager, foreign.id), "NOT_FOUND");
    await domainError(customerOrders(t.db, actors.manager, foreign.id), "NOT_FOUND");
    expect((await getCustomer(t.db, actors.outsider, foreign.id)).firstName).toBe("Test");
  });
});

describe("listing", () => {
  let mine: Awaited<ReturnType<typeof addCustomer>>[];
  let email = "";
  beforeAll(async () => {
    const tag = `zq${Date.now().toString(36)}`;
    email = `${tag}`;
    mine = [];
    const names = [["Olga", "Zimmer"], ["Oleg", "Zorin"], ["Pavel", "Zubov"], ["Olga", "Zaitseva"], ["Ivan", "Zykov"]];
    for (const [i, [first, last]] of names.entries()) {
      mine.push(await addCustomer(actors.teammate, { email: `${tag}.${i}@list.example.com`, firstName: first!, lastName: last!, phone: `+7 912 555 00 0${i}` }));
    }
  });

  it("searches by e-mail prefix, first or last name, full name and phone digits", async () => {
    expect(idsOf(await list(actors.teammate, { search: `${email}.3@` }))).toEqual([mine[3]!.id]);
    const olgas = await list(actors.teammate, { search: "olga", sort: "name", dir: "asc" });
    expect(idsOf(olgas)).toEqual([mine[3]!.id, mine[0]!.id]);
    expect(idsOf(await list(actors.teammate, { search: "ZORIN" }))).toEqual([mine[1]!.id]);
    expect(idsOf(await list(actors.teammate, { search: "olga zim" }))).toEqual([mine[0]!.id]);
    expect(idsOf(await list(actors.teammate, { search: "zubov p" }))).toEqual([mine[2]!.id]);
    expect(idsOf(await list(actors.teammate, { search: "+7 (912) 555-00-04" }))).toEqual([mine[4]!.id]);
    expect((await list(actors.teammate, { search: "7912555" })).rows).toHaveLength(5);
    // LIKE wildcards are taken literally.
    expect((await list(actors.teammate, { search: "%" })).rows).toHaveLength(0);
    expect((await list(actors.teammate, { search: "o_ga" })).rows).toHaveLength(0);
  });

  it("filters by status and joining date", async () => {
    await setCustomerStatus(t.db, actors.teammate, { ids: [mine[1]!.id, mine[2]!.id], status: "blocked", reason: "Chargebacks" });
    expect(idsOf(await list(actors.teammate, { status: "blocked" })).sort()).toEqual([mine[1]!.id, mine[2]!.id].sort());
    expect((await list(actors.teammate, { status: "active" })).rows.map((r) => r.status)).not.toContain("blocked");
    await t.db.update(customers).set({ createdAt: new Date("2025-03-10T12:00:00Z") }).where(eq(customers.id, mine[0]!.id));
    await t.db.update(customers).set({ createdAt: new Date("2025-03-11T23:59:59Z") }).where(eq(customers.id, mine[4]!.id));
    expect(idsOf(await list(actors.teammate, { joinedFrom: "2025-03-10", joinedTo: "2025-03-11" }))).toEqual([mine[4]!.id, mine[0]!.id]);
    expect(idsOf(await list(actors.teammate, { joinedFrom: "2025-03-11", joinedTo: "2025-03-11" }))).toEqual([mine[4]!.id]);
    expect(idsOf(await list(actors.teammate, { joinedTo: "2025-03-10" }))).toEqual([mine[0]!.id]);
    await setCustomerStatus(t.db, actors.teammate, { ids: [mine[1]!.id, mine[2]!.id], status: "active", reason: "Cleared" });
  });

  it("pages forwards and backwards with keyset cursors in every sort, without gaps or repeats", async () => {
    // Equal sort keys (same created_at, same orders count) must still page exactly.
    const same = new Date("2025-06-01T10:00:00.123456Z");
    await t.db.update(customers).set({ createdAt: same }).where(eq(customers.managerId, actors.teammate.id));
    for (const sort of ["joined", "orders", "total", "name"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const everything = idsOf(await list(actors.teammate, { sort, dir, pageSize: 100 }));
        expect(everything).toHaveLength(5);
        const seen: string[] = [];
        const pages: Array<{ prev: string | null; ids: string[] }> = [];
        let after: string | undefined;
        for (;;) {
          const page = await list(actors.teammate, { sort, dir, pageSize: 10, after });
          expect(page.total).toBe(5);
          pages.push({ prev: page.prevCursor, ids: idsOf(page) });
          seen.push(...idsOf(page));
          if (!page.nextCursor) break;
          after = page.nextCursor;
        }
        expect(seen, `${sort} ${dir}`).toEqual(everything);
        expect(pages[0]!.prev).toBeNull();
      }
    }
  });

  it("walks pages of two: next, next, previous, previous", async () => {
    // pageSize is one of 10/20/50/100: make 25 customers for one manager to page by 10.
    const owner = actors.director;
    const created: string[] = [];
    const pager = await makeUser(t.db, { role: "manager", supervisorId: actors.head.id });
    const pagerActor = actorOf(pager);
    for (let i = 0; i < 25; i++) created.push((await addCustomer(pagerActor, { lastName: `Pager${String(i).padStart(2, "0")}` })).id);
    const all = idsOf(await list(pagerActor, { sort: "name", dir: "asc", pageSize: 50 }));
    expect(all).toEqual(created);
    const p1 = await list(pagerActor, { sort: "name", dir: "asc", pageSize: 10 });
    const p2 = await list(pagerActor, { sort: "name", dir: "asc", pageSize: 10, after: p1.nextCursor ?? undefined });
    const p3 = await list(pagerActor, { sort: "name", dir: "asc", pageSize: 10, after: p2.nextCursor ?? undefined });
    expect(idsOf(p1)).toEqual(all.slice(0, 10));
    expect(idsOf(p2)).toEqual(all.slice(10, 20));
    expect(idsOf(p3)).toEqual(all.slice(20));
    expect(p3.nextCursor).toBeNull();
    const back2 = await list(pagerActor, { sort: "name", dir: "asc", pageSize: 10, before: p3.prevCursor ?? undefined });
    expect(idsOf(back2)).toEqual(all.slice(10, 20));
    const back1 = await list(pagerActor, { sort: "name", dir: "asc", pageSize: 10, before: back2.prevCursor ?? undefined });
    expect(idsOf(back1)).toEqual(all.slice(0, 10));
    expect(back1.prevCursor).toBeNull();
    expect(back1.nextCursor).not.toBeNull();
    // A cursor from another sort, or garbage, starts over instead of failing.
    expect(idsOf(await list(pagerActor, { sort: "joined", dir: "asc", pageSize: 10, after: p1.nextCursor ?? undefined }))).toHaveLength(10);
    expect(idsOf(await list(pagerActor, { sort: "name", dir: "asc", pageSize: 10, after: "not-a-cursor" }))).toEqual(all.slice(0, 10));
    expect(owner.role).toBe("director");
  });

  it("scopes the list: a manager his own, a head his team's, directors and admins everyone", async () => {
    const ofManager = await addCustomer(actors.manager);
    const ofTeammate = await addCustomer(actors.teammate);
    const ofOutsider = await addCustomer(actors.outsider);
    const unassigned = await addCustomer(null);
    const visible = async (actor: Actor) => new Set(idsOf(await list(actor, { pageSize: 100, sort: "joined", dir: "desc" })));
    const forManager = await visible(actors.manager);
    expect(forManager.has(ofManager.id)).toBe(true);
    expect(forManager.has(ofTeammate.id)).toBe(false);
    expect(forManager.has(ofOutsider.id)).toBe(false);
    expect(forManager.has(unassigned.id)).toBe(false);
    const managerRows = await list(actors.manager, { pageSize: 100 });
    expect(managerRows.rows.every((r) => r.managerId === actors.manager.id)).toBe(true);
    const forHead = await visible(actors.head);
    expect([forHead.has(ofManager.id), forHead.has(ofTeammate.id), forHead.has(ofOutsider.id), forHead.has(unassigned.id)]).toEqual([true, true, false, false]);
    for (const actor of [actors.admin, actors.director]) {
      const all = new Set(idsOf(await list(actor, { search: ofOutsider.email }))).has(ofOutsider.id);
      expect(all).toBe(true);
      expect(idsOf(await list(actor, { search: unassigned.email }))).toEqual([unassigned.id]);
    }
    expect((await list(actors.admin, { managerId: actors.outsider.id })).rows.every((r) => r.managerId === actors.outsider.id)).toBe(true);
  });

  it("caps the count at 10,000 and says so", async () => {
    expect(CUSTOMER_COUNT_CAP).toBe(10_000);
    const page = await list(actors.admin, {});
    expect(page.totalCapped).toBe(false);
    expect(page.total).toBeGreaterThan(30);
  });
});

describe("orders, blocking and deleting", () => {
  it("counts the customer's orders, lists them all on the customer page, and flags the next order after a block", async () => {
    const deps = orderDeps(t.db);
    const emailAddress = `buyer.${Date.now()}@orders.example.com`;
    const first = await placeOrder(deps, orderBody({ auth: shop.auth, email: emailAddress }));
    const second = await placeOrder(deps, orderBody({ auth: shop.auth, email: emailAddress.toUpperCase(), products: [["SKU-1", 10, 2], ["SKU-2", 5, 1]] }));
    const [row] = await t.db.select().from(customers).where(eq(customers.email, emailAddress));
    expect(row).toBeDefined();
    const customerId = row!.id;
    expect(row!.ordersCount).toBe(2);
    // Shop customers without a default manager are unassigned: only admins and directors see them, until assigned.
    await domainError(getCustomer(t.db, actors.manager, customerId), "NOT_FOUND");
    await assignManager(t.db, actors.admin, { ids: [customerId], managerId: actors.manager.id });

    const history = await customerOrders(t.db, actors.manager, customerId);
    expect(history.total).toBe(2);
    expect(history.rows.map((o) => o.id)).toEqual([second, first]);
    expect(history.rows[0]).toMatchObject({ currency: "EUR", totalMinor: 2500, paymentMethod: "credit_card", status: "pending", customerBlocked: false, itemCount: 3 });
    expect(history.rows[0]!.items).toBe("Product SKU-1 20 mg × 2, Product SKU-2 20 mg × 1");
    expect(history.rows[1]!.items).toBe("VITAMIN B 20 mg × 1");
    const [stored] = await t.db.select({ totalMinor: orders.totalMinor, totalUsdMinor: orders.totalUsdMinor }).from(orders).where(eq(orders.id, first));
    expect(history.rows[1]).toMatchObject(stored!);
    expect(history.rows[1]!.totalUsdMinor).toBeGreaterThan(0);

    await setCustomerStatus(t.db, actors.manager, { ids: [customerId], status: "blocked", reason: "Chargeback on the last order" });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, customerId), eq(auditLog.action, "customer.block")));
    expect(audit).toMatchObject({ actorId: actors.manager.id, details: { reason: "Chargeback on the last order" } });

    const third = await placeOrder(deps, orderBody({ auth: shop.auth, email: emailAddress }));
    const [flagged] = await t.db.select().from(orders).where(eq(orders.id, third));
    expect(flagged!.customerBlocked).toBe(true);
    const notes = await t.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, third), eq(orderEvents.type, "note")));
    expect(notes[0]?.message).toMatch(/blocked/);
    expect((await customerOrders(t.db, actors.manager, customerId)).rows[0]).toMatchObject({ id: third, customerBlocked: true });

    // Deleting a customer with orders is refused; blocking is the way.
    const refused = await domainError(deleteCustomer(t.db, actors.manager, customerId), "PRECONDITION_FAILED");
    expect(refused.message).toMatch(/block/);
    expect((await getCustomer(t.db, actors.manager, customerId)).ordersCount).toBe(3);

    await setCustomerStatus(t.db, actors.manager, { ids: [customerId], status: "active", reason: "Bank confirmed the payment" });
    const fourth = await placeOrder(deps, orderBody({ auth: shop.auth, email: emailAddress }));
    expect((await t.db.select().from(orders).where(eq(orders.id, fourth)))[0]!.customerBlocked).toBe(false);
  });

  it("blocks in bulk, all or nothing, and reports what did not need changing", async () => {
    const a = await addCustomer(actors.manager);
    const b = await addCustomer(actors.manager);
    const foreign = await addCustomer(actors.outsider);
    await domainError(setCustomerStatus(t.db, actors.manager, { ids: [a.id, foreign.id], status: "blocked", reason: "Fraud ring" }), "NOT_FOUND");
    expect((await getCustomer(t.db, actors.manager, a.id)).status).toBe("active");
    await setCustomerStatus(t.db, actors.manager, { ids: [a.id], status: "blocked", reason: "Fraud ring" });
    expect(await setCustomerStatus(t.db, actors.manager, { ids: [a.id, b.id], status: "blocked", reason: "Fraud ring" })).toEqual({ changed: 1, unchanged: 1 });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, b.id), eq(auditLog.action, "customer.block")));
    expect(audits).toHaveLength(1);
    await expect(setCustomerStatus(t.db, actors.manager, { ids: [a.id], status: "active", reason: " " })).rejects.toThrow(/reason/);
  });

  it("deletes a customer without orders, with an audit row", async () => {
    const lonely = await addCustomer(actors.manager);
    await deleteCustomer(t.db, actors.manager, lonely.id);
    await domainError(getCustomer(t.db, actors.admin, lonely.id), "NOT_FOUND");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, lonely.id), eq(auditLog.action, "customer.delete")));
    expect(audit?.details).toMatchObject({ email: lonely.email });
  });
});

describe("assigning a manager", () => {
  it("lets admins and directors give a customer to any active manager, or to nobody", async () => {
    const c = await addCustomer(null);
    expect(await assignManager(t.db, actors.director, { ids: [c.id], managerId: actors.outsider.id })).toEqual({ changed: 1, unchanged: 0 });
    expect((await getCustomer(t.db, actors.outsider, c.id)).managerId).toBe(actors.outsider.id);
    await assignManager(t.db, actors.admin, { ids: [c.id], managerId: null });
    await domainError(getCustomer(t.db, actors.outsider, c.id), "NOT_FOUND");
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, c.id), eq(auditLog.action, "customer.assign_manager")));
    expect(audit).toBeDefined();
    const error = await domainError(assignManager(t.db, actors.admin, { ids: [c.id], managerId: actors.director.id }), "BAD_INPUT");
    expect(error.field).toBe("managerId");
  });

  it("lets a head assign his team's customers only to his team's managers", async () => {
    const c = await addCustomer(actors.manager);
    await assignManager(t.db, actors.head, { ids: [c.id], managerId: actors.teammate.id });
    expect((await getCustomer(t.db, actors.teammate, c.id)).managerId).toBe(actors.teammate.id);
    await domainError(assignManager(t.db, actors.head, { ids: [c.id], managerId: actors.outsider.id }), "FORBIDDEN");
    await domainError(assignManager(t.db, actors.head, { ids: [c.id], managerId: null }), "FORBIDDEN");
    const foreign = await addCustomer(actors.outsider);
    await domainError(assignManager(t.db, actors.head, { ids: [foreign.id], managerId: actors.teammate.id }), "NOT_FOUND");
    const choices = (await assignableManagers(t.db, actors.head)).map((m) => m.id);
    expect(choices).toContain(actors.manager.id);
    expect(choices).toContain(actors.head.id);
    expect(choices).not.toContain(actors.outsider.id);
  });

  it("refuses managers", async () => {
    const c = await addCustomer(actors.manager);
    await domainError(assignManager(t.db, actors.manager, { ids: [c.id], managerId: actors.manager.id }), "FORBIDDEN");
    expect(await assignableManagers(t.db, actors.manager)).toEqual([]);
  });
});

describe("through tRPC", () => {
  it("refuses call_center, content_moderator, buyer and supplier every customers procedure", async () => {
    for (const role of ["call_center", "content_moderator", "buyer", "supplier"] as const) {
      const user = await makeUser(t.db, { role });
      const caller = callerFor(t.db, await sessionFor(t.db, user.id));
      expect((await trpcError(caller.customers.list({}))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.customers.get({ id: actors.manager.id }))).code).toBe("FORBIDDEN");
      expect((await trpcError(caller.customers.create({ email: "x@example.com", firstName: "X", lastName: "Y" }))).code).toBe("FORBIDDEN");
    }
  });

  it("refuses a manager assigning managers at the procedure, and maps a taken e-mail to CONFLICT with its field", async () => {
    const manager = callerFor(t.db, await sessionFor(t.db, actors.manager.id));
    expect((await trpcError(manager.customers.managers())).code).toBe("FORBIDDEN");
    expect((await trpcError(manager.customers.assignManager({ ids: [actors.manager.id], managerId: null }))).code).toBe("FORBIDDEN");
    await manager.customers.create({ email: "trpc.twin@example.com", firstName: "T", lastName: "Twin" });
    const error = await trpcError(manager.customers.create({ email: "TRPC.twin@example.com", firstName: "T", lastName: "Twin" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/e-mail/);
    const bad = await trpcError(manager.customers.create({ email: "not-an-email", firstName: "T", lastName: "Twin" }));
    expect(bad.code).toBe("BAD_REQUEST");
    const page = await manager.customers.list({ search: "trpc.twin@" });
    expect(page.rows).toHaveLength(1);
  });
});
