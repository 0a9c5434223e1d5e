import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b2bOrderLines, b2bOrders, cartLines, carts, companies, companyMembers, impersonations, quoteLines, quotes, users, userSessions } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { handleStatisticsExport } from "@/server/http/statistics-export";
import { outcomeOf } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

/*
 * Fixtures over March 2026 (the range asked for), with rows just outside it. Staff: m1 and m2
 * under headA, m3 under headB. c1 is m1's, c2 m2's, c3 m3's.
 *   c1: b1 signs in, fills a cart, orders (new, 100.00)            → engaged, carted, ordered
 *       b2 fills a cart, no order                                   → engaged, bounced
 *       b3 only a staff impersonation session and a staff-made quote; a February session → not engaged
 *       b4 deactivated (a session in range)                         → not a buyer account
 *       b5 registered in April                                      → not a buyer account
 *       b6 requests a quote                                         → engaged
 *   c2: b7 signs in, fills a cart, orders twice (delivered 400.00, cancelled 999.00) → engaged, ordered
 *       b8 nothing                                                  → not engaged
 *   c3: b9 fills a cart, orders only in April                       → engaged, bounced
 *       b10 orders twice (confirmed 250.00, assembling 150.00)      → engaged, ordered
 *       an offline order without a buyer (shipped, 50.00)
 */
let t: TestDatabase;
let cat: CatalogFixture;
type Who = "admin" | "director" | "headA" | "headB" | "m1" | "m2" | "m3";
const s = {} as Record<Who, ActiveSession>;
const as = (who: Who) => callerFor(t.db, s[who]);
const buyer = {} as Record<"b1" | "b2" | "b3" | "b4" | "b5" | "b6" | "b7" | "b8" | "b9" | "b10", string>;
const company = {} as Record<"c1" | "c2" | "c3", string>;
const MARCH = { from: "2026-03-01", to: "2026-03-31" };
const at = (day: string) => new Date(`${day}T10:00:00Z`);
let seq = 0;
const next = () => (seq += 1);

async function session(userId: string, day: string) {
  const id = `sess-${next()}`;
  await t.db.insert(userSessions).values({ id, userId, remember: false, createdAt: at(day), lastSeenAt: at(day), expiresAt: new Date(at(day).getTime() + 86_400_000) });
  return id;
}
async function cart(userId: string, day: string, lines: Array<{ variantId: string; quantity: number; unitMinor: number | null }>) {
  const [row] = await t.db.insert(carts).values({ userId, name: `Cart ${next()}`, createdAt: at(day), updatedAt: at(day) }).returning({ id: carts.id });
  await t.db.insert(cartLines).values(lines.map((l) => ({ cartId: row!.id, variantId: l.variantId, unit: "pcs", quantity: String(l.quantity), addedUnitMinor: l.unitMinor, addedCurrency: l.unitMinor === null ? null : "RUB", createdAt: at(day) })));
}
async function order(companyId: string, buyerId: string | null, day: string, status: typeof b2bOrders.$inferInsert.status, totalMinor: number, lines: Array<{ variantId: string | null; sku: string }>) {
  const [row] = await t.db.insert(b2bOrders).values({ number: `E-${next()}`, companyId, buyerId, currency: "RUB", totalMinor, status, createdAt: at(day) }).returning({ id: b2bOrders.id });
  await t.db.insert(b2bOrderLines).values(lines.map((l, i) => ({ orderId: row!.id, variantId: l.variantId, sku: l.sku, name: l.sku, unit: "pcs", quantity: "1", unitMinor: 100, lineTotalMinor: 100, sort: i })));
}
async function quote(companyId: string, buyerId: string, day: string, totalMinor: number, variantIds: string[], createdByStaffId: string | null = null) {
  const [row] = await t.db.insert(quotes).values({ number: `Q-E-${next()}`, companyId, buyerId, createdByStaffId, currency: "RUB", totalMinor, createdAt: at(day) }).returning({ id: quotes.id });
  await t.db.insert(quoteLines).values(variantIds.map((variantId, i) => ({ quoteId: row!.id, variantId, sku: `S${i}`, name: "x", unit: "pcs", quantity: "1", unitMinor: 100, lineTotalMinor: 100, sort: i })));
}

beforeAll(async () => {
  t = await createTestDatabase();
  cat = await createCatalogFixture(t.db);
  const make = async (role: Role, extra: Partial<typeof users.$inferInsert> = {}) => sessionFor(t.db, (await makeUser(t.db, { role, ...extra })).id);
  s.admin = await make("admin");
  s.director = await make("director");
  s.headA = await make("head_manager");
  s.headB = await make("head_manager");
  s.m1 = await make("manager", { supervisorId: s.headA.user.id });
  s.m2 = await make("manager", { supervisorId: s.headA.user.id });
  s.m3 = await make("manager", { supervisorId: s.headB.user.id });
  for (const [key, managerId] of [["c1", s.m1.user.id], ["c2", s.m2.user.id], ["c3", s.m3.user.id]] as const) {
    const [row] = await t.db.insert(companies).values({ name: `ООО ${key}`, inn: "7736207543", kpp: `7705${String(next()).padStart(5, "0")}`, managerId }).returning({ id: companies.id });
    company[key] = row!.id;
  }
  const memberOf: Record<keyof typeof buyer, "c1" | "c2" | "c3"> = { b1: "c1", b2: "c1", b3: "c1", b4: "c1", b5: "c1", b6: "c1", b7: "c2", b8: "c2", b9: "c3", b10: "c3" };
  for (const key of Object.keys(memberOf) as Array<keyof typeof buyer>) {
    const user = await makeUser(t.db, { role: "buyer", createdAt: key === "b5" ? at("2026-04-10") : at("2026-01-15"), isActive: key !== "b4" });
    buyer[key] = user.id;
    await t.db.insert(companyMembers).values({ userId: user.id, companyId: company[memberOf[key]], accessLevel: 3, isOwner: true, isDefault: true });
  }
  const { P1, P2, P3, P4, P5 } = cat.products;

  await session(buyer.b1, "2026-03-05");
  await cart(buyer.b1, "2026-03-06", [{ variantId: P1.variantId, quantity: 2, unitMinor: 15_000 }, { variantId: P2.variantId, quantity: 1, unitMinor: 5_000 }]);
  await order(company.c1, buyer.b1, "2026-03-07", "new", 10_000, [{ variantId: P1.variantId, sku: P1.sku }]);
  await cart(buyer.b2, "2026-03-10", [{ variantId: P1.variantId, quantity: 3, unitMinor: 15_000 }]);
  const impersonated = await session(buyer.b3, "2026-03-11");
  await t.db.insert(impersonations).values({ staffUserId: s.m1.user.id, staffSessionId: s.m1.sessionId, buyerUserId: buyer.b3, buyerSessionId: impersonated, companyId: company.c1, startedAt: at("2026-03-11") });
  await session(buyer.b3, "2026-02-20");
  await quote(company.c1, buyer.b3, "2026-03-13", 20_000, [P1.variantId], s.m1.user.id);
  await session(buyer.b4, "2026-03-08");
  await session(buyer.b5, "2026-04-11");
  await quote(company.c1, buyer.b6, "2026-03-12", 30_000, [P2.variantId, P5.variantId]);

  await session(buyer.b7, "2026-03-14");
  await cart(buyer.b7, "2026-03-15", [{ variantId: P3.variantId, quantity: 1, unitMinor: null }]);
  await order(company.c2, buyer.b7, "2026-03-16", "delivered", 40_000, [{ variantId: P1.variantId, sku: P1.sku }, { variantId: P3.variantId, sku: P3.sku }]);
  await order(company.c2, buyer.b7, "2026-03-20", "cancelled", 99_900, [{ variantId: P4.variantId, sku: P4.sku }]);

  await cart(buyer.b9, "2026-03-02", [{ variantId: P4.variantId, quantity: 4, unitMinor: 2_500 }]);
  await order(company.c3, buyer.b9, "2026-04-02", "new", 70_000, [{ variantId: P4.variantId, sku: P4.sku }]);
  await order(company.c3, buyer.b10, "2026-03-25", "confirmed", 25_000, [{ variantId: P5.variantId, sku: P5.sku }]);
  await order(company.c3, buyer.b10, "2026-03-26", "assembling", 15_000, [{ variantId: null, sku: "GONE-1" }]);
  await order(company.c3, null, "2026-03-27", "shipped", 5_000, [{ variantId: P5.variantId, sku: P5.sku }]);
});
afterAll(async () => {
  await t.destroy();
});

describe("engagement, bounce and average orders", () => {
  it("count each scope's buyers exactly", async () => {
    const figures = async (who: Who) => {
      const r = await as(who).statistics.sales(MARCH);
      return { engagement: r.engagement, bounce: r.bounce, averageOrders: r.averageOrders, buyersWhoOrdered: r.buyersWhoOrdered };
    };
    expect(await figures("m1")).toEqual({ engagement: { buyers: 4, active: 3, percent: 75 }, bounce: { carted: 2, bounced: 1, percent: 50 }, averageOrders: 1, buyersWhoOrdered: 1 });
    expect(await figures("m2")).toEqual({ engagement: { buyers: 2, active: 1, percent: 50 }, bounce: { carted: 1, bounced: 0, percent: 0 }, averageOrders: 2, buyersWhoOrdered: 1 });
    expect(await figures("m3")).toEqual({ engagement: { buyers: 2, active: 2, percent: 100 }, bounce: { carted: 1, bounced: 1, percent: 100 }, averageOrders: 2, buyersWhoOrdered: 1 });
    expect(await figures("headA")).toEqual({ engagement: { buyers: 6, active: 4, percent: 66.7 }, bounce: { carted: 3, bounced: 1, percent: 33.3 }, averageOrders: 1.5, buyersWhoOrdered: 2 });
    expect(await figures("headB")).toEqual(await figures("m3"));
    const all = { engagement: { buyers: 8, active: 6, percent: 75 }, bounce: { carted: 4, bounced: 2, percent: 50 }, averageOrders: 1.67, buyersWhoOrdered: 3 };
    expect(await figures("director")).toEqual(all);
    expect(await figures("admin")).toEqual(all);
  });

  it("a range with no activity gives zeros, not a division by zero", async () => {
    const r = await as("m1").statistics.sales({ from: "2025-06-01", to: "2025-06-30" });
    expect(r.engagement).toEqual({ buyers: 0, active: 0, percent: 0 });
    expect(r.bounce).toEqual({ carted: 0, bounced: 0, percent: 0 });
    expect(r.averageOrders).toBe(0);
  });
});

describe("deep analytics", () => {
  it("admins and directors only", async () => {
    for (const who of ["headA", "m1"] as const) expect(await outcomeOf(as(who).statistics.deep(MARCH))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("director").statistics.deep({ from: "2026-04-01", to: "2026-03-01" }))).toBe("BAD_REQUEST");
  });

  it("buyer activity: carts, quotes and orders with products and sums", async () => {
    const deep = await as("director").statistics.deep(MARCH);
    expect(deep.activity).toEqual({
      // b1's (P1, P2: 2×150 + 50), b2's (P1: 3×150), b7's (P3, no price), b9's (P4: 4×25).
      carts: { count: 4, products: 4, totals: { RUB: 90_000 } },
      // b6's (P2, P5) and the staff-made one for b3 (P1).
      quotes: { count: 2, products: 3, totals: { RUB: 50_000 } },
      // Not the cancelled one nor April's; the line whose product is gone counts by its SKU.
      orders: { count: 5, products: 4, totals: { RUB: 95_000 } },
    });
    expect(await as("admin").statistics.deep(MARCH)).toEqual(deep);
  });

  it("managers' orders by state and the whole shop", async () => {
    const deep = await as("director").statistics.deep(MARCH);
    const c = (orders: number, rub?: number) => ({ orders, totals: rub === undefined ? {} : { RUB: rub } });
    const byId = new Map(deep.perManager.map((m) => [m.id, m]));
    expect(byId.get(s.m1.user.id)).toMatchObject({ processed: c(0), byBucket: { new: c(1, 10_000), inProcessing: c(0), cancelled: c(0), completed: c(0) } });
    expect(byId.get(s.m2.user.id)).toMatchObject({ processed: c(1, 40_000), byBucket: { new: c(0), inProcessing: c(0), cancelled: c(1, 99_900), completed: c(1, 40_000) } });
    // Confirmed, assembling and shipped are all "in processing".
    expect(byId.get(s.m3.user.id)).toMatchObject({ processed: c(3, 45_000), byBucket: { new: c(0), inProcessing: c(3, 45_000), cancelled: c(0), completed: c(0) } });
    expect(deep.perManager.map((m) => m.id)).toEqual([s.m3.user.id, s.m2.user.id, s.m1.user.id]);
    expect(deep.shop).toEqual({ processed: c(4, 85_000), byBucket: { new: c(1, 10_000), inProcessing: c(3, 45_000), cancelled: c(1, 99_900), completed: c(1, 40_000) } });
  });
});

describe("export", () => {
  it("carries the new figures; the deep sheets only for those who may see them", async () => {
    const xlsx = await handleStatisticsExport(new Request("http://test/api/statistics/export?format=xlsx&from=2026-03-01&to=2026-03-31"), { db: t.db, session: s.director });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const summary = new Map<string, unknown>();
    book.getWorksheet("Summary")!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get("Engaged buyers")).toBe(6);
    expect(summary.get("Engagement, %")).toBe(75);
    expect(summary.get("Bounce, %")).toBe(50);
    expect(summary.get("Average orders per buyer")).toBe(1.67);
    const activity = book.getWorksheet("Buyer activity")!;
    expect(activity.getRow(4).values).toEqual([undefined, "orders", 5, 4, "950 RUB"]);
    const managers = book.getWorksheet("Manager orders")!;
    const shopRow = managers.getRow(managers.rowCount).values as unknown[];
    expect(shopRow.slice(1, 4)).toEqual(["Whole shop", 4, "850 RUB"]);

    const csv = await (await handleStatisticsExport(new Request("http://test/api/statistics/export?format=csv&from=2026-03-01&to=2026-03-31"), { db: t.db, session: s.m1 })).text();
    expect(csv).toContain(`"Engagement, %",75`);
    expect(csv).toContain(`"Bounce, %",50`);
    expect(csv).not.toContain("# Manager orders");
    expect(csv).not.toContain("# Buyer activity");
  });
});
