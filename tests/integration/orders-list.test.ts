import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { orders } from "@/db/schema";
import { changeOrderStatus, setCallCenterStatus } from "@/server/domain/orders/change-status";
import { getOrderDetails } from "@/server/domain/orders/order-details";
import { countCallCenterQueue, countOrdersByStatus, encodeCursor, listOrders, SEARCH_SORTED_IN_MEMORY, SEARCH_WALK_BUDGET } from "@/server/domain/orders/order-list";
import { SEARCH_COUNT_CAP, STATUS_COUNT_CAP, type OrderListQuery } from "@/server/domain/orders/order-list-query";
import type { ScopedUser } from "@/server/domain/orders/order-scope";
import { CALL_CENTER_STATUSES, ORDER_STATUSES } from "@/server/domain/orders/order-statuses";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { domainError, outcomeOf, trpcError } from "../helpers/errors";
import { callerFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { systemActor, userActor } from "../helpers/order-fixtures";
import { createOrdersWorld, idsWhere, placeListOrder, scopeSql, statusCountsWhere, type OrdersWorld, type WorldUser } from "../helpers/order-list-fixtures";

let t: TestDatabase;
let w: OrdersWorld;

interface Spec {
  index: number;
  id: string;
  number: number;
  shopKey: "A" | "B" | "C";
  first: string;
  last: string;
  email: string;
  phone: string;
  country: string;
  method: "credit_card" | "paypal" | "crypto" | "echeck";
  createdAt: Date;
  processor: "p1" | "p2" | null;
  shopOrderId?: string;
}
const specs: Spec[] = [];

const FIRST = ["Alice", "Bob", "Carol", "Alicia", "Dmitri", "Eve"];
const LAST = ["Smith", "Smithers", "Jones", "Keys", "Brown"];
const COUNTRIES = ["US", "DE", "GB", "FR"];
const METHODS = ["credit_card", "paypal", "crypto", "echeck"] as const;
const PRICES = [10, 25, 25, 40, 99.5];
const TIE = new Date("2026-03-08T12:00:00.000Z");
const EDGES: Record<number, string> = {
  12: "2026-03-05T00:00:00.000Z",
  13: "2026-03-05T23:59:59.999Z",
  14: "2026-03-04T23:59:59.999Z",
  15: "2026-03-06T00:00:00.000Z",
};
const N = 36;
const CC_INDEXES = [16, 17, 18, 19, 20, 21, 22];
/** Hours after CC_BASE at which each of CC_INDEXES entered the call center (not in number order). */
const CC_HOURS = [5, 1, 6, 2, 7, 3, 4];
const CC_BASE = Date.parse("2026-03-10T00:00:00.000Z");

const digitsOf = (text: string) => text.replace(/\D/g, "");
const sorted = (ids: string[]) => [...ids].sort();
const idsOf = (predicate: (s: Spec) => boolean) => sorted(specs.filter(predicate).map((s) => s.id));
const scoped = (u: WorldUser): ScopedUser => ({ id: u.id, role: u.role });

function createdAtFor(i: number): Date {
  if (i < 12) return TIE;
  if (EDGES[i]) return new Date(EDGES[i]!);
  return new Date(Date.parse("2026-03-01T00:00:00.000Z") + (i - 16) * 9 * 3_600_000 + i * 61_000);
}

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createOrdersWorld(t.db);
  const shops = { A: w.shopA, B: w.shopB, C: w.shopC };
  for (let i = 0; i < N; i++) {
    const shopKey = (["A", "B", "C"] as const)[i % 3]!;
    let first = FIRST[i % 6]!;
    let last = LAST[i % 5]!;
    if (i === 35) [first, last] = ["Smith", "Alice"]; // the reversed "first last" order
    const email = `${first}.${last}.${i}@${i % 2 ? "example.com" : "mail.test"}`.toLowerCase();
    const phone = i % 3 === 0 ? `+1 (555) ${100 + i}-${2000 + i}` : i % 3 === 1 ? `+49 30 ${1000 + i} ${500 + i}` : `0044-20-${7000 + i}-${10 + i}`;
    const country = COUNTRIES[(i + 1) % 4]!;
    const method = METHODS[i % 4]!;
    const processor = i % 4 === 0 ? "p1" : i % 4 === 1 ? "p2" : null;
    const shopOrderId = i === 30 ? "SHOP-ORDER-XYZ" : undefined;
    const createdAt = createdAtFor(i);
    const id = await placeListOrder(t.db, {
      shop: shops[shopKey],
      firstName: first,
      lastName: last,
      email,
      phone,
      country,
      paymentMethod: method,
      currency: i % 4 === 3 ? "GBP" : "EUR",
      price: PRICES[i % 5],
      shopOrderId,
      createdAt,
      processorId: processor === "p1" ? w.processor1 : processor === "p2" ? w.processor2 : null,
    });
    const [row] = await t.db.select({ number: orders.number }).from(orders).where(eq(orders.id, id));
    specs.push({ index: i, id, number: row!.number, shopKey, first, last, email, phone, country, method, createdAt, processor, shopOrderId });
  }
  const system = systemActor();
  for (const [k, i] of CC_INDEXES.entries()) {
    await changeOrderStatus(t.db, system, specs[i]!.id, "call_center", { now: new Date(CC_BASE + CC_HOURS[k]! * 3_600_000) });
  }
  for (const i of [23, 24, 25]) await changeOrderStatus(t.db, system, specs[i]!.id, "approved");
  for (const i of [26, 27]) await changeOrderStatus(t.db, system, specs[i]!.id, "declined");
  await changeOrderStatus(t.db, system, specs[28]!.id, "cancelled");
  // The operator contacts two of the queue (17 later than 20); a manager's status on 19 is no contact.
  const operator = userActor(w.operator);
  await setCallCenterStatus(t.db, operator, specs[20]!.id, "awaiting_response", "voicemail", new Date(CC_BASE + 20 * 3_600_000));
  await setCallCenterStatus(t.db, operator, specs[17]!.id, "awaiting_response", "no answer", new Date(CC_BASE + 30 * 3_600_000));
  await setCallCenterStatus(t.db, userActor(w.managerB), specs[19]!.id, "resolved", "spoke to the customer");
});
afterAll(async () => {
  await t.destroy();
});

type Page = Awaited<ReturnType<typeof listOrders>>;

/** Every page from the first, following nextCursor. */
async function walkForward(user: ScopedUser, query: OrderListQuery): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listOrders(t.db, user, { ...query, cursor });
    pages.push(page);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
    if (pages.length > 200) throw new Error("pagination does not end");
  }
}

const pageIds = (page: Page) => page.rows.map((r) => r.id);

/** Walks forward, then back from the last page with `before`, checking each page against the forward walk. */
async function checkBothDirections(user: ScopedUser, query: OrderListQuery, expected: string[]) {
  const pages = await walkForward(user, query);
  const all = pages.flatMap(pageIds);
  expect(all).toEqual(expected);
  expect(new Set(all).size).toBe(all.length);
  expect(pages[0]!.previousCursor).toBeNull();
  expect(pages.at(-1)!.nextCursor).toBeNull();
  for (const page of pages.slice(0, -1)) expect(page.rows).toHaveLength(query.limit ?? 25);
  for (let k = pages.length - 1; k > 0; k--) {
    const cursor = pages[k]!.previousCursor;
    expect(cursor, `page ${k} has a previous link`).not.toBeNull();
    const back = await listOrders(t.db, user, { ...query, cursor: cursor!, before: true });
    expect(pageIds(back)).toEqual(pageIds(pages[k - 1]!));
    // Going forward again from the page reached backwards gives page k again.
    expect(back.nextCursor).not.toBeNull();
    const again = await listOrders(t.db, user, { ...query, cursor: back.nextCursor! });
    expect(pageIds(again)).toEqual(pageIds(pages[k]!));
    if (k === 1) expect(back.previousCursor).toBeNull();
    else expect(back.previousCursor).not.toBeNull();
  }
  return pages;
}

describe("listOrders: keyset pagination", () => {
  it("walks every order once, in created order (newest first), both directions, with 12 orders sharing one created_at", async () => {
    const expected = await idsWhere(t.db, "true", "o.created_at desc, o.number desc");
    expect(expected).toHaveLength(N);
    const pages = await checkBothDirections(scoped(w.admin), { sort: "created", dir: "desc", limit: 5 }, expected);
    // The tie block spans page boundaries, and inside it the number breaks the tie.
    const tied = pages.flatMap((p) => p.rows).filter((r) => r.createdAt.getTime() === TIE.getTime());
    expect(tied).toHaveLength(12);
    expect(tied.map((r) => r.number)).toEqual([...tied.map((r) => r.number)].sort((a, b) => b - a));
  });

  it("walks oldest first the same way", async () => {
    const expected = await idsWhere(t.db, "true", "o.created_at asc, o.number asc");
    await checkBothDirections(scoped(w.admin), { sort: "created", dir: "asc", limit: 5 }, expected);
  });

  it("walks by USD total (largest first), equal totals broken by number", async () => {
    const expected = await idsWhere(t.db, "true", "o.total_usd_minor desc, o.number desc");
    const [dupes] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from (select total_usd_minor from orders group by 1 having count(*) > 1) d`));
    expect(Number(dupes!.n)).toBeGreaterThan(0);
    await checkBothDirections(scoped(w.admin), { sort: "total", dir: "desc", limit: 5 }, expected);
  });

  it("walks by USD total ascending", async () => {
    const expected = await idsWhere(t.db, "true", "o.total_usd_minor asc, o.number asc");
    await checkBothDirections(scoped(w.admin), { sort: "total", dir: "asc", limit: 7 }, expected);
  });

  it("pages only inside the tie block when filtered to its day", async () => {
    const expected = await idsWhere(t.db, `o.created_at = '${TIE.toISOString()}'`, "o.number desc");
    expect(expected).toHaveLength(12);
    await checkBothDirections(scoped(w.admin), { from: "2026-03-08", to: "2026-03-08", limit: 5 }, (await idsWhere(t.db, "o.created_at >= '2026-03-08T00:00:00Z' and o.created_at < '2026-03-09T00:00:00Z'", "o.created_at desc, o.number desc")));
  });

  it("pages through a status tab", async () => {
    const expected = await idsWhere(t.db, "o.status = 'call_center'", "o.created_at desc, o.number desc");
    expect(expected).toHaveLength(CC_INDEXES.length);
    await checkBothDirections(scoped(w.director), { status: "call_center", limit: 5 }, expected);
  });

  it("refuses a damaged cursor as BAD_INPUT naming the cursor", async () => {
    const damaged = [
      "not a cursor!",
      Buffer.from("{}").toString("base64url"),
      Buffer.from(JSON.stringify(["2026-03-01", 1.5])).toString("base64url"),
      Buffer.from(JSON.stringify([12, 3])).toString("base64url"),
    ];
    for (const cursor of damaged) {
      const error = await domainError(listOrders(t.db, scoped(w.admin), { cursor }), "BAD_INPUT");
      expect(error.field).toBe("cursor");
    }
    const viaTrpc = await trpcError(callerFor(t.db, w.admin.session).orders.list({ cursor: "%%%" }));
    expect(viaTrpc.code).toBe("BAD_REQUEST");
  });

  it("refuses a well-formed cursor whose key does not fit the sort (tampered or from another sort) as BAD_INPUT, not a server error", async () => {
    const totalCursor = encodeCursor({ sort: "total", key: "3495", number: 5 });
    const createdGarbage = encodeCursor({ sort: "created", key: "yesterday-ish", number: 5 });
    const totalGarbage = encodeCursor({ sort: "total", key: "yesterday-ish", number: 5 });
    const queueGarbage = encodeCursor({ sort: "queue", key: "1; drop table orders", number: 5 });
    for (const [sort, cursor] of [["created", totalCursor], ["created", createdGarbage], ["total", totalGarbage], ["queue", queueGarbage]] as const) {
      const error = await domainError(listOrders(t.db, scoped(w.admin), { sort, cursor }), "BAD_INPUT");
      expect(error.field).toBe("cursor");
    }
    expect(await outcomeOf(callerFor(t.db, w.admin.session).orders.list({ sort: "created", cursor: createdGarbage }))).toBe("BAD_REQUEST");
  });
});

describe("listOrders: search", () => {
  const search = async (query: string, user: WorldUser = w.admin) => {
    const page = await listOrders(t.db, scoped(user), { search: query, limit: 100 });
    return sorted(pageIds(page));
  };

  it("finds an order by its id", async () => {
    expect(await search(specs[5]!.id)).toEqual([specs[5]!.id]);
    expect(await search(`  ${specs[9]!.id} `)).toEqual([specs[9]!.id]);
  });

  it("finds an order by its number, with or without #", async () => {
    const target = specs[7]!;
    expect(await search(`#${target.number}`)).toEqual([target.id]);
    expect(await search(String(target.number))).toEqual([target.id]);
    expect(await search(`#${Math.max(...specs.map((s) => s.number)) + 1000}`)).toEqual([]);
  });

  it("finds an order by the shop's order id (exactly)", async () => {
    expect(await search("SHOP-ORDER-XYZ")).toEqual(idsOf((s) => s.shopOrderId === "SHOP-ORDER-XYZ"));
    expect(await search("SHOP-ORDER-XY")).toEqual([]);
  });

  it("finds orders by an e-mail prefix, case-insensitively", async () => {
    const expected = idsOf((s) => s.email.startsWith("carol.jones"));
    expect(expected.length).toBeGreaterThan(0);
    expect(await search("Carol.Jones")).toEqual(expected);
    const full = specs[13]!.email;
    expect(await search(full.toUpperCase())).toEqual([specs[13]!.id]);
  });

  it("finds orders by a first- or last-name prefix", async () => {
    for (const query of ["smi", "ALI", "Keys", "dm"]) {
      const q = query.toLowerCase();
      const expected = idsOf((s) => s.first.toLowerCase().startsWith(q) || s.last.toLowerCase().startsWith(q) || s.email.startsWith(q));
      expect(expected.length, query).toBeGreaterThan(0);
      expect(expected.length, query).toBeLessThan(N);
      expect(await search(query), query).toEqual(expected);
    }
  });

  it("finds orders by \"first last\" in either order, and not by either word alone", async () => {
    const matches = (s: Spec, a: string, b: string) =>
      (s.first.toLowerCase().startsWith(a) && s.last.toLowerCase().startsWith(b)) || (s.last.toLowerCase().startsWith(a) && s.first.toLowerCase().startsWith(b));
    const expected = idsOf((s) => matches(s, "alice", "smith"));
    expect(expected).toContain(specs[35]!.id); // Smith Alice, found by the reversed branch
    expect(expected).toContain(specs[0]!.id); // Alice Smith
    expect(expected.length).toBeLessThan(idsOf((s) => s.first === "Alice").length + 1);
    expect(await search("Alice  Smith ")).toEqual(expected);
    expect(await search("alic jon")).toEqual(idsOf((s) => matches(s, "alic", "jon")));
  });

  it("finds orders by the phone's digits typed with spaces, dashes and brackets", async () => {
    const cases = ["1 555-103", "+1 (555) 10", "0044 20-70", "49-30-101"];
    for (const typed of cases) {
      const digits = digitsOf(typed);
      const expected = idsOf((s) => digitsOf(s.phone).startsWith(digits));
      expect(expected.length, typed).toBeGreaterThan(0);
      expect(expected.length, typed).toBeLessThan(N);
      expect(await search(typed), typed).toEqual(expected);
    }
    // A digit in the middle of the number is not a prefix.
    expect(await search("555-103")).toEqual([]);
  });

  it("finds nothing for text that matches no field, and stays within the manager's scope", async () => {
    expect(await search("zzz")).toEqual([]);
    const expected = idsOf((s) => s.shopKey === "A" && (s.last.toLowerCase().startsWith("smi") || s.first.toLowerCase().startsWith("smi")));
    expect(await search("smi", w.managerA)).toEqual(expected);
  });
});

describe("listOrders: filters", () => {
  const list = async (filters: OrderListQuery, user: WorldUser = w.admin) => sorted(pageIds(await listOrders(t.db, scoped(user), { ...filters, limit: 100 })));
  const dayMs = 86_400_000;
  const inDays = (s: Spec, from?: string, to?: string) =>
    (!from || s.createdAt.getTime() >= Date.parse(`${from}T00:00:00Z`)) && (!to || s.createdAt.getTime() < Date.parse(`${to}T00:00:00Z`) + dayMs);

  it("takes the date range as whole UTC days, both ends included", async () => {
    const day = await list({ from: "2026-03-05", to: "2026-03-05" });
    expect(day).toContain(specs[12]!.id);
    expect(day).toContain(specs[13]!.id);
    expect(day).not.toContain(specs[14]!.id);
    expect(day).not.toContain(specs[15]!.id);
    expect(day).toEqual(idsOf((s) => inDays(s, "2026-03-05", "2026-03-05")));
    expect(await list({ from: "2026-03-05" })).toEqual(idsOf((s) => inDays(s, "2026-03-05")));
    expect(await list({ to: "2026-03-04" })).toEqual(idsOf((s) => inDays(s, undefined, "2026-03-04")));
    expect(await list({ from: "2026-03-04", to: "2026-03-06" })).toEqual(idsOf((s) => inDays(s, "2026-03-04", "2026-03-06")));
  });

  it("refuses a start date after the end date", async () => {
    const error = await domainError(listOrders(t.db, scoped(w.admin), { from: "2026-03-06", to: "2026-03-05" }), "BAD_INPUT");
    expect(error.field).toBe("from");
    expect(await outcomeOf(callerFor(t.db, w.admin.session).orders.list({ from: "2026-03-06", to: "2026-03-05" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(callerFor(t.db, w.admin.session).orders.statusCounts({ from: "2026-03-06", to: "2026-03-05" }))).toBe("BAD_REQUEST");
  });

  it("a date the filter accepts never becomes a server error (year 9999 as an open end, year 0)", async () => {
    const caller = callerFor(t.db, w.admin.session);
    // Either the orders (every order is before 9999-12-31) or BAD_REQUEST naming the field; not a failed query.
    const open = await caller.orders.list({ from: "2026-03-05", to: "9999-12-31", limit: 100 }).then(
      (page) => ({ ok: true as const, ids: sorted(page.rows.map((r) => r.id)) }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (open.ok) expect(open.ids).toEqual(idsOf((s) => inDays(s, "2026-03-05")));
    else {
      expect(open.error).toMatchObject({ code: "BAD_REQUEST" });
      // Input validation names the field through the zod issue's path.
      expect(JSON.stringify((open.error as { cause?: { issues?: unknown } }).cause?.issues)).toContain('"to"');
    }
    for (const filters of [{ from: "0000-01-01" }, { to: "0000-01-01" }, { to: "9999-12-31" }]) {
      expect(["OK", "BAD_REQUEST"], JSON.stringify(filters)).toContain(await outcomeOf(caller.orders.list(filters)));
      expect(["OK", "BAD_REQUEST"], JSON.stringify(filters)).toContain(await outcomeOf(caller.orders.statusCounts(filters)));
    }
  });

  it("narrows by shop, country (lower case accepted), payment method and processor", async () => {
    expect(await list({ shopId: w.shopB.shop.id })).toEqual(idsOf((s) => s.shopKey === "B"));
    expect(await list({ country: "de" })).toEqual(idsOf((s) => s.country === "DE"));
    expect(await list({ country: " Gb " })).toEqual(idsOf((s) => s.country === "GB"));
    expect(await list({ paymentMethod: "crypto" })).toEqual(idsOf((s) => s.method === "crypto"));
    expect(await list({ processorId: w.processor2 })).toEqual(idsOf((s) => s.processor === "p2"));
    expect(await list({ shopId: w.shopA.shop.id, paymentMethod: "credit_card", country: "fr" })).toEqual(
      idsOf((s) => s.shopKey === "A" && s.method === "credit_card" && s.country === "FR"),
    );
    for (const filtered of [await list({ shopId: w.shopB.shop.id }), await list({ country: "de" }), await list({ paymentMethod: "crypto" }), await list({ processorId: w.processor2 })]) {
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.length).toBeLessThan(N);
    }
  });

  it("narrows by status and by the operator's status", async () => {
    expect(await list({ status: "approved" })).toEqual(sorted(await idsWhere(t.db, "o.status = 'approved'")));
    const awaiting = await list({ callCenterStatus: "awaiting_response" });
    expect(awaiting).toEqual(sorted([specs[17]!.id, specs[20]!.id]));
  });
});

describe("status counts", () => {
  const cases: Array<{ name: string; filters: Record<string, string>; where: () => string }> = [
    { name: "no filter", filters: {}, where: () => "true" },
    { name: "shop", filters: {}, where: () => `o.shop_id = '${w.shopA.shop.id}'` },
    { name: "country", filters: { country: "us" }, where: () => "o.country = 'US'" },
    { name: "days", filters: { from: "2026-03-04", to: "2026-03-08" }, where: () => "o.created_at >= '2026-03-04T00:00:00Z' and o.created_at < '2026-03-09T00:00:00Z'" },
  ];

  it("equal SQL counts for each role's scope and the same filters, whatever the status filter", async () => {
    for (const user of [w.admin, w.director, w.head, w.otherHead, w.managerA, w.managerB, w.managerC, w.operator]) {
      for (const c of cases) {
        const filters = c.name === "shop" ? { shopId: w.shopA.shop.id } : c.filters;
        const expected = await statusCountsWhere(t.db, `${scopeSql(user)} and ${c.where()}`, "status", ORDER_STATUSES);
        const counts = await countOrdersByStatus(t.db, scoped(user), { ...filters, status: "approved" });
        expect(counts, `${user.role} ${c.name}`).toEqual({ byStatus: expected, cap: STATUS_COUNT_CAP, partial: false });
      }
    }
    const total = Object.values((await countOrdersByStatus(t.db, scoped(w.admin), {})).byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe(N);
  });

  it("with a search, one grouped pass gives the same counts per status and scope", async () => {
    const lastName = (q: string) => `(lower(o.customer_last_name) like '${q}%' or lower(o.customer_first_name) like '${q}%' or lower(o.customer_email) like '${q}%' or o.shop_order_id = '${q}')`;
    for (const user of [w.admin, w.head, w.managerA, w.operator]) {
      for (const query of ["smi", "carol.jones", "zzz-nothing"]) {
        const expected = await statusCountsWhere(t.db, `${scopeSql(user)} and ${lastName(query)}`, "status", ORDER_STATUSES);
        const counts = await countOrdersByStatus(t.db, scoped(user), { search: query, status: "declined" });
        expect(counts, `${user.role} ${query}`).toEqual({ byStatus: expected, cap: SEARCH_COUNT_CAP, partial: false });
      }
    }
    const listed = await listOrders(t.db, scoped(w.admin), { search: "smi", status: "approved", limit: 100 });
    const counted = await countOrdersByStatus(t.db, scoped(w.admin), { search: "smi" });
    expect(listed.rows.length).toBe(counted.byStatus.approved);
  });

  it("the call-center tabs equal SQL counts over orders in the call center", async () => {
    for (const user of [w.admin, w.operator, w.head, w.managerA, w.managerC]) {
      const expected = await statusCountsWhere(t.db, `${scopeSql(user)} and o.status = 'call_center'`, "call_center_status", CALL_CENTER_STATUSES);
      const counts = await countCallCenterQueue(t.db, scoped(user), { callCenterStatus: "resolved" });
      expect(counts, user.role).toEqual({ byStatus: expected, cap: STATUS_COUNT_CAP, partial: false });
    }
    const viaTrpc = await callerFor(t.db, w.operator.session).orders.callCenterCounts({});
    expect(viaTrpc.byStatus.new_inquiry).toBe(CC_INDEXES.length - 3);
    expect(viaTrpc.byStatus.awaiting_response).toBe(2);
    expect(viaTrpc.byStatus.resolved).toBe(1);
  });
});

describe("scope", () => {
  const everything = async (user: WorldUser) => {
    const pages = await walkForward(scoped(user), { limit: 100 });
    return sorted(pages.flatMap(pageIds));
  };

  it("a manager sees only his clients' orders, a head his team's, the call center its queue, admin and director all", async () => {
    for (const user of [w.admin, w.director, w.head, w.otherHead, w.managerA, w.managerB, w.managerC, w.operator]) {
      const expected = sorted(await idsWhere(t.db, scopeSql(user)));
      expect(await everything(user), user.role).toEqual(expected);
    }
    expect(await everything(w.managerA)).toEqual(idsOf((s) => s.shopKey === "A"));
    expect(await everything(w.head)).toEqual(idsOf((s) => s.shopKey !== "C"));
    expect(await everything(w.otherHead)).toEqual(idsOf((s) => s.shopKey === "C"));
    expect(await everything(w.operator)).toEqual(sorted(CC_INDEXES.map((i) => specs[i]!.id)));
    expect(await everything(w.admin)).toHaveLength(N);
  });

  it("reassigning a customer moves all their orders, old and new, into the new manager's scope (orders.manager_id follows)", async () => {
    const order = specs.find((s) => s.shopKey === "A")!;
    const [row] = await t.db.select({ customerId: orders.customerId, managerId: orders.managerId }).from(orders).where(eq(orders.id, order.id));
    expect(row!.managerId).toBe(w.managerA.id);
    const theirs = (await t.db.select({ id: orders.id }).from(orders).where(eq(orders.customerId, row!.customerId))).map((o) => o.id).sort();
    await t.db.execute(sql`update customers set manager_id = ${w.managerB.id} where id = ${row!.customerId}`);
    try {
      const ofB = await everything(w.managerB);
      const ofA = await everything(w.managerA);
      expect(theirs.every((id) => ofB.includes(id) && !ofA.includes(id))).toBe(true);
      expect(ofB).toEqual(sorted(await idsWhere(t.db, scopeSql(w.managerB))));
    } finally {
      await t.db.execute(sql`update customers set manager_id = ${w.managerA.id} where id = ${row!.customerId}`);
    }
    expect(await everything(w.managerA)).toEqual(idsOf((s) => s.shopKey === "A"));
  });

  it("details of an order outside the scope are NOT_FOUND", async () => {
    const ofB = specs.find((s) => s.shopKey === "B")!.id;
    const ofC = specs.find((s) => s.shopKey === "C")!.id;
    const pending = specs[1]!.id;
    await domainError(getOrderDetails(t.db, scoped(w.managerA), ofB, [TEST_ENCRYPTION_KEY]), "NOT_FOUND");
    await domainError(getOrderDetails(t.db, scoped(w.head), ofC, [TEST_ENCRYPTION_KEY]), "NOT_FOUND");
    await domainError(getOrderDetails(t.db, scoped(w.operator), pending, [TEST_ENCRYPTION_KEY]), "NOT_FOUND");
    expect(await outcomeOf(callerFor(t.db, w.managerA.session).orders.details({ orderId: ofB }))).toBe("NOT_FOUND");
    expect(await outcomeOf(callerFor(t.db, w.managerB.session).orders.details({ orderId: ofB }))).toBe("OK");
    expect(await outcomeOf(callerFor(t.db, w.head.session).orders.details({ orderId: ofB }))).toBe("OK");
    expect(await outcomeOf(callerFor(t.db, w.operator.session).orders.details({ orderId: specs[16]!.id }))).toBe("OK");
    // Nor can he change it.
    expect(await outcomeOf(callerFor(t.db, w.managerA.session).orders.changeStatus({ orderId: ofB, status: "cancelled" }))).toBe("NOT_FOUND");
  });

  it("the operator's queue lists never-contacted inquiries first (oldest first), then by the last contact", async () => {
    const rows = await t.db
      .select({ id: orders.id, number: orders.number, at: orders.callCenterAt, contact: orders.callCenterContactAt })
      .from(orders)
      .where(eq(orders.status, "call_center"));
    const time = (d: Date | null) => d?.getTime() ?? 0;
    const expected = [...rows]
      .sort((a, b) => {
        if ((a.contact === null) !== (b.contact === null)) return a.contact === null ? -1 : 1;
        const diff = a.contact === null ? time(a.at) - time(b.at) : time(a.contact) - time(b.contact);
        return diff || a.number - b.number;
      })
      .map((r) => r.id);
    expect(rows.filter((r) => r.contact !== null)).toHaveLength(2);
    // 20 was contacted before 17: 20 comes first among the contacted.
    expect(expected.slice(-2)).toEqual([specs[20]!.id, specs[17]!.id]);
    await checkBothDirections(scoped(w.operator), { sort: "queue", limit: 5 }, expected);
    // The direction does not turn the queue round.
    expect(pageIds(await listOrders(t.db, scoped(w.operator), { sort: "queue", dir: "desc", limit: 100 }))).toEqual(expected);
    const viaTrpc = await callerFor(t.db, w.operator.session).orders.list({ sort: "queue", limit: 100 });
    expect(viaTrpc.rows.map((r) => r.id)).toEqual(expected);
  });
});

describe("orders procedures: who may call them", () => {
  const samples = () => ({
    list: {},
    statusCounts: {},
    callCenterCounts: {},
    filterOptions: undefined,
    details: { orderId: specs[16]!.id },
    changeStatus: { orderId: specs[16]!.id, status: "cancelled" },
    bulkChangeStatus: { orderIds: [specs[16]!.id], status: "cancelled" },
    sendAllPaidToShipper: undefined,
    setCallCenterStatus: { orderId: specs[16]!.id, status: "resolved" },
  });
  const call = (session: WorldUser["session"] | null, name: string, input: unknown) =>
    (callerFor(t.db, session).orders as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name]!(input);

  it("are refused to moderators, buyers and suppliers (FORBIDDEN) and to anonymous callers (UNAUTHORIZED)", async () => {
    const before = await t.db.select({ status: orders.status, cc: orders.callCenterStatus }).from(orders).where(eq(orders.id, specs[16]!.id));
    for (const [name, input] of Object.entries(samples())) {
      for (const user of [w.moderator, w.buyer, w.supplier]) {
        expect(await outcomeOf(call(user.session, name, input)), `${user.role} ${name}`).toBe("FORBIDDEN");
      }
      expect(await outcomeOf(call(null, name, input)), `anonymous ${name}`).toBe("UNAUTHORIZED");
    }
    const after = await t.db.select({ status: orders.status, cc: orders.callCenterStatus }).from(orders).where(eq(orders.id, specs[16]!.id));
    expect(after).toEqual(before);
  });

  it("the call center may read but not change order statuses or send to the shipper", async () => {
    const s = samples();
    for (const name of ["changeStatus", "bulkChangeStatus", "sendAllPaidToShipper"] as const) {
      expect(await outcomeOf(call(w.operator.session, name, s[name])), name).toBe("FORBIDDEN");
    }
    for (const name of ["list", "statusCounts", "callCenterCounts", "filterOptions", "details"] as const) {
      expect(await outcomeOf(call(w.operator.session, name, s[name])), name).toBe("OK");
    }
    const [row] = await t.db.select({ status: orders.status }).from(orders).where(eq(orders.id, specs[16]!.id));
    expect(row?.status).toBe("call_center");
    const approved = await idsWhere(t.db, "o.status = 'approved'");
    expect(approved.length).toBeGreaterThan(0);
  });

  it("filterOptions lists every shop and processor by name", async () => {
    const options = await callerFor(t.db, w.managerA.session).orders.filterOptions();
    const shopRows = rowsOf<{ id: string; name: string }>(await t.db.execute(sql`select id, name from shops order by name`));
    expect(options.shops).toEqual(shopRows.map((r) => ({ id: r.id, name: r.name })));
    expect(sorted(options.processors.map((p) => p.id))).toEqual(sorted([w.processor1, w.processor2]));
  });
});

describe("search: names beyond ASCII (adds orders)", () => {
  it("finds a name with accented capitals by any case of its prefix", async () => {
    const elodie = await placeListOrder(t.db, { shop: w.shopA, firstName: "Élodie", lastName: "Müller", email: "e.mueller@example.com" });
    const oeuvre = await placeListOrder(t.db, { shop: w.shopA, firstName: "Øystein", lastName: "Ångström", email: "oa@example.com" });
    const search = async (query: string) => sorted(pageIds(await listOrders(t.db, scoped(w.admin), { search: query, limit: 100 })));
    // As typed by someone who copies the name, and in lower case.
    expect(await search("Élodie")).toEqual([elodie]);
    expect(await search("élodie")).toEqual([elodie]);
    expect(await search("MÜLLER")).toEqual([elodie]);
    expect(await search("müll")).toEqual([elodie]);
    expect(await search("Élodie Müller")).toEqual([elodie]);
    expect(await search("ångström")).toEqual([oeuvre]);
    expect(await search("Øystein")).toEqual([oeuvre]);
  });
});

describe("status count cap (runs last: adds many rows)", () => {
  it("counts a status up to STATUS_COUNT_CAP + 1 and stays exact below", async () => {
    const template = specs.find((s) => s.shopKey === "C")!.id;
    const extra = STATUS_COUNT_CAP + 5;
    await t.db.execute(
      sql.raw(`insert into orders (id, shop_id, shop_order_id, customer_id, status, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash, created_at, updated_at)
      select 'ord_cap' || lpad(g::text, 19, '0'), shop_id, 'CAP-' || g, customer_id, 'closed', currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash, created_at, updated_at
      from orders, generate_series(1, ${extra}) g where id = '${template}'`),
    );
    const expected = await statusCountsWhere(t.db, `o.shop_id = '${w.shopC.shop.id}'`, "status", ORDER_STATUSES);
    expect(expected.closed).toBeGreaterThan(STATUS_COUNT_CAP + 1);
    const counts = await countOrdersByStatus(t.db, scoped(w.admin), { shopId: w.shopC.shop.id });
    for (const status of ORDER_STATUSES) {
      expect(counts.byStatus[status], status).toBe(Math.min(expected[status]!, STATUS_COUNT_CAP + 1));
    }
    const forManager = await countOrdersByStatus(t.db, scoped(w.managerC), {});
    expect(forManager.byStatus.closed).toBe(STATUS_COUNT_CAP + 1);
    expect((await countOrdersByStatus(t.db, scoped(w.managerA), {})).byStatus.closed).toBe(0);
  });

  it("a search matching more than the cap gives lower bounds and says so", async () => {
    const [template] = await idsWhere(t.db, `o.id like 'ord_cap%'`);
    const [row] = rowsOf<{ email: string }>(await t.db.execute(sql.raw(`select customer_email as email from orders where id = '${template}'`)));
    const counts = await countOrdersByStatus(t.db, scoped(w.admin), { search: row!.email });
    expect(counts.partial).toBe(true);
    expect(counts.cap).toBe(SEARCH_COUNT_CAP);
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(SEARCH_COUNT_CAP + 1);
    expect(counts.byStatus.closed).toBeGreaterThan(SEARCH_COUNT_CAP / 2);
    const narrow = await countOrdersByStatus(t.db, scoped(w.admin), { search: row!.email, shopId: w.shopA.shop.id });
    expect(narrow.partial).toBe(false);
  });

  it("pages through a broad search (more matches than are sorted in memory) like a narrow one", async () => {
    const [template] = await idsWhere(t.db, `o.id like 'ord_cap%'`);
    const [row] = rowsOf<{ email: string }>(await t.db.execute(sql.raw(`select customer_email as email from orders where id = '${template}'`)));
    const email = row!.email.replace(/'/g, "''");
    expect((await idsWhere(t.db, `o.customer_email = '${email}'`)).length).toBeGreaterThan(SEARCH_SORTED_IN_MEMORY);
    for (const [sort, dir, orderBy] of [
      ["created", "desc", "o.created_at desc, o.number desc"],
      ["total", "asc", "o.total_usd_minor asc, o.number asc"],
    ] as const) {
      const expected = (await idsWhere(t.db, `o.customer_email = '${email}'`, orderBy)).slice(0, 30);
      const first = await listOrders(t.db, scoped(w.admin), { search: row!.email, sort, dir, limit: 15 });
      const second = await listOrders(t.db, scoped(w.admin), { search: row!.email, sort, dir, limit: 15, cursor: first.nextCursor! });
      expect([...pageIds(first), ...pageIds(second)], sort).toEqual(expected);
    }
    const narrow = await listOrders(t.db, scoped(w.admin), { search: row!.email, status: "pending", limit: 100 });
    expect(pageIds(narrow)).toEqual(await idsWhere(t.db, `o.customer_email = '${email}' and o.status = 'pending'`, "o.created_at desc, o.number desc"));
  });

  it("a broad search whose matches are all older than the newest SEARCH_WALK_BUDGET orders jumps to the newest match, both directions", async () => {
    const [template] = await idsWhere(t.db, `o.id like 'ord_cap%'`);
    const [row] = rowsOf<{ email: string; created: string }>(await t.db.execute(sql.raw(`select customer_email as email, created_at::text as created from orders where id = '${template}'`)));
    const email = row!.email.replace(/'/g, "''");
    // Newer orders of other customers, more than one walk reads, on both sides of the matches.
    for (const [prefix, offset] of [["ord_new", "+"], ["ord_old", "-"]] as const) {
      await t.db.execute(
        sql.raw(`insert into orders (id, shop_id, shop_order_id, customer_id, status, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
          payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash, created_at, updated_at)
        select '${prefix}' || lpad(g::text, 19, '0'), shop_id, '${prefix}-' || g, customer_id, 'closed', currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
          payment_method, 'Other', 'Customer', 'other' || g || '@elsewhere.test', customer_phone, billing_address, shipping_address, country, request_hash,
          created_at ${offset} (1 + g) * interval '1 minute', updated_at
        from orders, generate_series(1, ${SEARCH_WALK_BUDGET + 50}) g where id = '${template}'`),
      );
    }
    for (const dir of ["desc", "asc"] as const) {
      const orderBy = `o.created_at ${dir}, o.number ${dir}`;
      const expected = (await idsWhere(t.db, `o.customer_email = '${email}' and o.status = 'closed'`, orderBy)).slice(0, 30);
      const first = await listOrders(t.db, scoped(w.admin), { search: row!.email, status: "closed", sort: "created", dir, limit: 15 });
      const second = await listOrders(t.db, scoped(w.admin), { search: row!.email, status: "closed", sort: "created", dir, limit: 15, cursor: first.nextCursor! });
      expect([...pageIds(first), ...pageIds(second)], dir).toEqual(expected);
    }
    expect(pageIds(await listOrders(t.db, scoped(w.admin), { search: row!.email, status: "closed", to: "2000-01-01", limit: 15 }))).toEqual([]);
  });
});
