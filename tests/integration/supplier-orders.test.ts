import ExcelJS from "exceljs";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import {
  auditLog, b2bOrderEvents, b2bOrders, carts, commissionRules, companies, companyMembers, notifications, products, productStockAlerts, stock, supplierOrderParts, supplierStatements, supplierStockSettings, suppliers,
} from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { generateStatements, statementDetails } from "@/server/domain/supplier-orders/statements";
import { statementXlsx } from "@/server/domain/supplier-orders/statement-xlsx";
import { handlePartDocument, handleStatementXlsx, handleStatisticsCsv } from "@/server/http/supplier-files";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { outcomeOf, trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { makeApprovedSupplier } from "../helpers/supplier-fixtures";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let cat: CatalogFixture;
let companyId: string;
let supplierA: string;
let supplierB: string;
const s = {} as Record<"buyer" | "otherBuyer" | "supA" | "supB" | "supPending" | "admin" | "director" | "manager", ActiveSession>;
const as = (key: keyof typeof s) => callerFor(t.db, s[key]);
const today = () => new Date().toISOString().slice(0, 10);
const thisMonth = () => today().slice(0, 7);
const PDF = Buffer.from("%PDF-1.4\n% waybill\n").toString("base64");

async function setStock(variantId: string, quantity: number) {
  await t.db
    .insert(stock)
    .values({ variantId, warehouseId: cat.warehouses.w1.id, quantity: String(quantity), reserved: "0" })
    .onConflictDoUpdate({ target: [stock.variantId, stock.warehouseId], set: { quantity: String(quantity), reserved: "0" } });
}

async function placeMixedOrder(cartName: string) {
  await as("buyer").ordering.createCart({ name: cartName });
  await as("buyer").ordering.addLine({ variantId: cat.products.P1.variantId, quantity: 5 }); // supplier A, 300.00 each
  await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 2 }); // supplier B, lamps
  await as("buyer").ordering.addLine({ variantId: cat.products.P5.variantId, quantity: 1 }); // the operator's own
  const result = await as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
  expect(result.orders).toHaveLength(1);
  return result.orders[0]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  cat = await createCatalogFixture(t.db);
  const make = async (role: Role) => sessionFor(t.db, (await makeUser(t.db, { role })).id);
  s.admin = await make("admin");
  s.director = await make("director");
  s.manager = await make("manager");
  const [company] = await t.db.insert(companies).values({ name: "ООО «Покупатель»", inn: "7707083893", kpp: "770701001", regionId: cat.regions.moscow.id, legalAddress: "г. Москва, ул. Ленина, 1" }).returning();
  companyId = company!.id;
  const [other] = await t.db.insert(companies).values({ name: "ООО «Чужая»", inn: "7736050003", kpp: "773601001", regionId: cat.regions.moscow.id }).returning();
  for (const [key, cid] of [["buyer", companyId], ["otherBuyer", other!.id]] as const) {
    const user = await makeUser(t.db, { role: "buyer" });
    await t.db.insert(companyMembers).values({ userId: user.id, companyId: cid, accessLevel: 3, isDefault: true });
    s[key] = await sessionFor(t.db, user.id);
  }
  s.supA = await make("supplier");
  s.supB = await make("supplier");
  s.supPending = await make("supplier");
  supplierA = (await makeApprovedSupplier(t.db, s.supA.user.id, "ООО «Альфа»")).id;
  supplierB = (await makeApprovedSupplier(t.db, s.supB.user.id, "ООО «Бета»")).id;
  const pending = await makeApprovedSupplier(t.db, s.supPending.user.id, "ООО «Ждёт»");
  await t.db.update(suppliers).set({ status: "pending" }).where(eq(suppliers.id, pending.id));
  await t.db.update(products).set({ supplierId: supplierA }).where(inArray(products.id, [cat.products.P1.id, cat.products.P2.id]));
  await t.db.update(products).set({ supplierId: supplierB }).where(eq(products.id, cat.products.P4.id));
  await setStock(cat.products.P1.variantId, 100);
  await setStock(cat.products.P4.variantId, 100);
  await setStock(cat.products.P5.variantId, 100);
  // Default 10 %, lighting (the lamps' ancestor section) 5 %, supplier A 15 %.
  await as("admin").supplierOrders.saveCommissionRule({ target: "default", percent: "10" });
  await as("director").supplierOrders.saveCommissionRule({ target: "category", categoryId: cat.categories.B.id, percent: "5" });
  await as("admin").supplierOrders.saveCommissionRule({ target: "supplier", supplierId: supplierA, percent: "15" });
});
afterAll(async () => {
  await t?.destroy();
});

describe("checkout split", () => {
  let orderId: string;
  let partA: string;
  let partB: string;

  it("creates one part per supplier with commission snapshots; the operator's line stays with the operator", async () => {
    const placed = await placeMixedOrder("Смешанная");
    orderId = placed.id;
    const parts = await t.db.select().from(supplierOrderParts).where(eq(supplierOrderParts.b2bOrderId, orderId));
    expect(parts).toHaveLength(2);
    const a = parts.find((p) => p.supplierId === supplierA)!;
    const b = parts.find((p) => p.supplierId === supplierB)!;
    partA = a.id;
    partB = b.id;
    const order = await as("buyer").ordering.order({ orderId });
    const lineTotal = (sku: string) => order.lines.find((l) => l.sku === sku)!.lineTotalMinor;
    expect(a).toMatchObject({ status: "new", companyId, totalMinor: lineTotal("LEG-774401"), commissionMinor: Math.round(lineTotal("LEG-774401") * 0.15) });
    expect(b).toMatchObject({ totalMinor: lineTotal("GS-102502"), commissionMinor: Math.round(lineTotal("GS-102502") * 0.05) });
    expect(a.number).toMatch(new RegExp(`^${placed.number}/S[12]$`));
    expect(a.totalMinor + b.totalMinor).toBe(order.order.totalMinor - lineTotal("GS-102503"));

    const buyerView = await as("buyer").supplierOrders.orderParts({ orderId });
    expect(buyerView.map((p) => [p.supplierName, p.status, p.commissionMinor])).toEqual(expect.arrayContaining([["ООО «Альфа»", "new", null], ["ООО «Бета»", "new", null]]));
    const staffView = await as("admin").supplierOrders.staffOrderParts({ orderId });
    // A manager sees only the orders of his own companies.
    expect(await outcomeOf(as("manager").supplierOrders.staffOrderParts({ orderId }))).toBe("NOT_FOUND");
    expect(staffView.find((p) => p.id === partA)?.commissionMinor).toBe(a.commissionMinor);
    // The supplier's people are told a new part arrived.
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.supA.user.id), eq(notifications.event, "supplier_order.new")));
    expect(told.map((n) => n.link)).toEqual([`/supplier/orders/${partA}`]);
  });

  it("rolls the whole checkout back when the supplier step fails (no order, no reservation, cart still open)", async () => {
    await as("buyer").ordering.createCart({ name: "Атомарная" });
    await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 3 });
    const [seq] = rowsOf<{ last_value: string }>(await t.db.execute(sql`select last_value::text as last_value from b2b_order_number_seq`));
    // Occupy the number the next part would get, so its insert fails inside the checkout transaction.
    const [holder] = await t.db.insert(b2bOrders).values({ number: "HOLDER-1", companyId, currency: "RUB", totalMinor: 0 }).returning();
    await t.db.insert(supplierOrderParts).values({ number: `B2B-${Number(seq!.last_value) + 1}/S1`, b2bOrderId: holder!.id, supplierId: supplierA, companyId, currency: "RUB", totalMinor: 0, commissionMinor: 0 });
    const ordersBefore = await t.db.select({ id: b2bOrders.id }).from(b2bOrders);
    const partsBefore = await t.db.select({ id: supplierOrderParts.id }).from(supplierOrderParts);
    await expect(as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id })).rejects.toThrow();
    expect(await t.db.select({ id: b2bOrders.id }).from(b2bOrders)).toHaveLength(ordersBefore.length);
    expect(await t.db.select({ id: supplierOrderParts.id }).from(supplierOrderParts)).toHaveLength(partsBefore.length);
    const [lamps] = await t.db.select().from(stock).where(and(eq(stock.variantId, cat.products.P4.variantId), eq(stock.warehouseId, cat.warehouses.w1.id)));
    expect(Number(lamps!.reserved)).toBe(2); // only the first order's reservation
    const [cart] = await t.db.select().from(carts).where(and(eq(carts.userId, s.buyer.user.id), eq(carts.name, "Атомарная")));
    expect(cart!.status).toBe("open");
    await t.db.delete(b2bOrders).where(eq(b2bOrders.id, holder!.id));
    await t.db.delete(carts).where(eq(carts.id, cart!.id));
  });

  it("lets the supplier confirm, attach a waybill and ship with tracking; the buyer sees it and is notified", async () => {
    const list = await as("supA").supplierOrders.list({});
    expect(list.rows.map((r) => r.id)).toEqual([partA]);
    expect(list.counts).toEqual({ new: 1 });
    expect((await as("supA").supplierOrders.list({ search: "Покупатель" })).total).toBe(1);
    expect((await as("supA").supplierOrders.list({ status: "shipped" })).total).toBe(0);
    const detail = await as("supA").supplierOrders.part({ partId: partA });
    expect(detail.company.name).toBe("ООО «Покупатель»");
    expect(detail.lines.map((l) => l.sku)).toEqual(["LEG-774401"]);
    expect(detail.nextStatuses).toEqual(["confirmed", "rejected"]);

    expect((await trpcError(as("supA").supplierOrders.uploadDocument({ partId: partA, kind: "waybill", fileName: "ttn.pdf", contentBase64: PDF }))).code).toBe("PRECONDITION_FAILED");
    await as("supA").supplierOrders.move({ partId: partA, to: "confirmed" });
    const noDoc = await trpcError(as("supA").supplierOrders.move({ partId: partA, to: "shipped", trackingNumber: "CDEK-1" }));
    expect(noDoc).toMatchObject({ code: "BAD_REQUEST" });
    expect(noDoc.message).toMatch(/document/);
    expect((await trpcError(as("supA").supplierOrders.uploadDocument({ partId: partA, kind: "waybill", fileName: "virus.exe", contentBase64: PDF }))).code).toBe("BAD_REQUEST");
    const doc = await as("supA").supplierOrders.uploadDocument({ partId: partA, kind: "waybill", fileName: "ТТН-17.pdf", contentBase64: PDF });
    await as("supA").supplierOrders.move({ partId: partA, to: "shipped", trackingNumber: "CDEK-10004417", carrier: "СДЭК" });

    const buyerView = await as("buyer").supplierOrders.orderParts({ orderId });
    expect(buyerView.find((p) => p.id === partA)).toMatchObject({ status: "shipped", trackingNumber: "CDEK-10004417", documents: [expect.objectContaining({ id: doc.id, fileName: "ТТН-17.pdf" })] });
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.buyer.user.id), eq(notifications.event, "supplier_order.status")));
    expect(told.map((n) => n.title.en)).toEqual(expect.arrayContaining([expect.stringMatching(/confirmed$/), expect.stringMatching(/shipped$/)]));
    const events = await t.db.select().from(b2bOrderEvents).where(and(eq(b2bOrderEvents.orderId, orderId), eq(b2bOrderEvents.kind, "supplier_part.status")));
    expect(events.map((e) => e.toStatus)).toEqual(["confirmed", "shipped"]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.targetId, partA));
    expect(audit.map((a) => a.action).sort()).toEqual(["supplier_part.confirmed", "supplier_part.document", "supplier_part.shipped"]);

    // The document downloads for its supplier, the buyer and staff — and for nobody else.
    const download = (session: ActiveSession) => handlePartDocument(doc.id, { db: t.db, session });
    const asSupplier = await download(s.supA);
    expect(asSupplier.status).toBe(200);
    expect(Buffer.from(await asSupplier.arrayBuffer()).toString()).toContain("%PDF-1.4");
    expect((await download(s.buyer)).status).toBe(200);
    expect((await download(s.admin)).status).toBe(200);
    expect((await download(s.supB)).status).toBe(404);
    expect((await download(s.otherBuyer)).status).toBe(404);

    await as("supA").supplierOrders.move({ partId: partA, to: "delivered" });
    expect((await trpcError(as("supA").supplierOrders.move({ partId: partA, to: "rejected", reason: "Поздно" }))).code).toBe("PRECONDITION_FAILED");
  });

  it("lets a supplier reject only with a reason", async () => {
    expect((await trpcError(as("supB").supplierOrders.move({ partId: partB, to: "rejected", reason: "" }))).code).toBe("BAD_REQUEST");
    await as("supB").supplierOrders.move({ partId: partB, to: "rejected", reason: "Нет на складе" });
    const view = await as("buyer").supplierOrders.orderParts({ orderId });
    expect(view.find((p) => p.id === partB)).toMatchObject({ status: "rejected", rejectReason: "Нет на складе" });
  });

  it("never shows supplier A supplier B's parts — not in the list, not by id, not to act on", async () => {
    expect((await as("supB").supplierOrders.list({})).rows.map((r) => r.id)).toEqual([partB]);
    expect(await outcomeOf(as("supA").supplierOrders.part({ partId: partB }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("supA").supplierOrders.move({ partId: partB, to: "confirmed" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("supB").supplierOrders.uploadDocument({ partId: partA, kind: "upd", fileName: "x.pdf", contentBase64: PDF }))).toBe("NOT_FOUND");
    expect(await outcomeOf(as("otherBuyer").supplierOrders.orderParts({ orderId }))).toBe("NOT_FOUND");
    // A supplier not yet approved has no cabinet at all.
    expect(await outcomeOf(as("supPending").supplierOrders.list({}))).toBe("FORBIDDEN");
  });

  it("counts only the supplier's own sales in statistics (rejected parts excluded) and exports CSV", async () => {
    const period = { from: today(), to: today(), granularity: "day" as const, currency: "RUB" };
    const a = await as("supA").supplierOrders.statistics(period);
    const [part] = await t.db.select().from(supplierOrderParts).where(eq(supplierOrderParts.id, partA));
    expect(a).toMatchObject({ orders: 1, revenueMinor: part!.totalMinor, averageMinor: part!.totalMinor, commissionMinor: part!.commissionMinor });
    expect(a.topProducts.map((p) => [p.sku, p.quantity])).toEqual([["LEG-774401", 5]]);
    expect(a.series).toEqual([{ bucket: today(), orders: 1, revenueMinor: part!.totalMinor }]);
    const b = await as("supB").supplierOrders.statistics(period);
    expect(b).toMatchObject({ orders: 0, revenueMinor: 0, topProducts: [] });
    expect((await trpcError(as("supA").supplierOrders.statistics({ ...period, from: "2026-01-02", to: "2026-01-01" }))).code).toBe("BAD_REQUEST");
    const csv = await handleStatisticsCsv(new Request(`http://test/api/supplier/statistics?from=${today()}&to=${today()}`), { db: t.db, session: s.supA });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("LEG-774401");
    const csvB = await handleStatisticsCsv(new Request(`http://test/api/supplier/statistics?from=${today()}&to=${today()}`), { db: t.db, session: s.supB });
    expect(await csvB.text()).not.toContain("LEG-774401");
  });
});

describe("statements and payouts", () => {
  it("builds the month's statement from delivered parts, sends it as XLSX, and freezes it once paid", async () => {
    const built = await as("admin").supplierOrders.generateStatements({ period: thisMonth() });
    expect(built.map((r) => r.supplierId)).toEqual([supplierA]); // B rejected its part: nothing delivered
    const own = await as("supA").supplierOrders.statements();
    expect(own.rows).toHaveLength(1);
    const statement = own.rows[0]!;
    const [part] = await t.db.select().from(supplierOrderParts).where(eq(supplierOrderParts.supplierId, supplierA));
    expect(statement).toMatchObject({ partsCount: 1, salesMinor: part!.totalMinor, commissionMinor: part!.commissionMinor, payoutMinor: part!.totalMinor - part!.commissionMinor, payoutStatus: "pending" });
    expect(own.dueMinor).toBe(statement.payoutMinor);

    // B never sees A's statement, by list or by id, nor its XLSX.
    expect((await as("supB").supplierOrders.statements()).rows).toEqual([]);
    expect(await outcomeOf(as("supB").supplierOrders.statement({ statementId: statement.id }))).toBe("NOT_FOUND");
    expect((await handleStatementXlsx(statement.id, { db: t.db, session: s.supB })).status).toBe(404);
    expect((await handleStatementXlsx(statement.id, { db: t.db, session: s.manager })).status).toBe(403);

    const response = await handleStatementXlsx(statement.id, { db: t.db, session: s.supA });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).text).toBe("ООО «Альфа»");
    expect(sheet.getRow(2).getCell(2).text).toBe(thisMonth());
    expect(sheet.getRow(6).getCell(1).text).toBe("Order part");
    expect(sheet.getRow(7).getCell(1).text).toBe(part!.number);
    expect(sheet.getRow(7).getCell(4).value).toBe(part!.totalMinor / 100);
    expect(sheet.getRow(8).getCell(6).value).toBe(statement.payoutMinor / 100);

    expect((await trpcError(as("admin").supplierOrders.markPaid({ statementId: statement.id, paidAt: "2000-01-01", reference: "п/п 1" }))).code).toBe("BAD_REQUEST");
    await as("director").supplierOrders.markPaid({ statementId: statement.id, paidAt: today(), reference: "п/п 42" });
    expect((await trpcError(as("admin").supplierOrders.markPaid({ statementId: statement.id, paidAt: today(), reference: "п/п 43" }))).code).toBe("CONFLICT");
    const after = await as("supA").supplierOrders.statements();
    expect(after).toMatchObject({ dueMinor: 0, paidMinor: statement.payoutMinor });
    expect(after.rows[0]).toMatchObject({ payoutStatus: "paid", paidAt: today(), paymentReference: "п/п 42" });
    const again = await generateStatements(t.db, s.admin.user.id, thisMonth());
    expect(again).toEqual([expect.objectContaining({ id: statement.id, frozen: true })]);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.supA.user.id), eq(notifications.event, "supplier_payout.paid")));
    expect(told).toHaveLength(1);
    const details = await statementDetails(t.db, { kind: "staff" }, statement.id);
    expect((await statementXlsx(details)).length).toBeGreaterThan(1000);
  });

  it("keeps a part's commission when the rules change later", async () => {
    const [before] = await t.db.select().from(supplierOrderParts).where(eq(supplierOrderParts.supplierId, supplierA));
    await as("admin").supplierOrders.saveCommissionRule({ target: "supplier", supplierId: supplierA, percent: "50" });
    const [after] = await t.db.select().from(supplierOrderParts).where(eq(supplierOrderParts.id, before!.id));
    expect(after!.commissionMinor).toBe(before!.commissionMinor);
    const rules = await as("admin").supplierOrders.commissionRules();
    expect(rules.find((r) => r.supplierId === supplierA)?.percentBp).toBe(5000);
    expect(await t.db.select().from(commissionRules)).toHaveLength(3);
    expect((await trpcError(as("admin").supplierOrders.saveCommissionRule({ target: "supplier", percent: "10" }))).code).toBe("BAD_REQUEST");
    expect((await trpcError(as("admin").supplierOrders.saveCommissionRule({ target: "default", percent: "101" }))).code).toBe("BAD_REQUEST");
  });
});

describe("role × procedure", () => {
  it("gives finance to admins and directors only, the cabinet to suppliers only, order parts to the order's buyer and staff", async () => {
    expect(await outcomeOf(as("manager").supplierOrders.commissionRules())).toBe("FORBIDDEN");
    expect(await outcomeOf(as("manager").supplierOrders.allStatements({}))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("supA").supplierOrders.allStatements({}))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("director").supplierOrders.allStatements({}))).toBe("OK");
    expect(await outcomeOf(as("buyer").supplierOrders.list({}))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("admin").supplierOrders.list({}))).toBe("FORBIDDEN");
    expect(await outcomeOf(as("supA").supplierOrders.orderParts({ orderId: crypto.randomUUID() }))).toBe("FORBIDDEN");
    expect(await outcomeOf(callerFor(t.db, null).supplierOrders.statements())).toBe("UNAUTHORIZED");
    const statements = await t.db.select().from(supplierStatements);
    expect(statements.every((st) => st.supplierId === supplierA)).toBe(true);
  });
});

describe("cancelling an order with supplier parts", () => {
  it("rejects the open parts with the reason and tells their suppliers", async () => {
    const placed = await placeMixedOrder("Отменяемая");
    const parts = await as("buyer").supplierOrders.orderParts({ orderId: placed.id });
    const a = parts.find((p) => p.supplierName === "ООО «Альфа»")!;
    await as("supA").supplierOrders.move({ partId: a.id, to: "confirmed" });
    await as("buyer").ordering.cancel({ orderId: placed.id });
    const after = await as("buyer").supplierOrders.orderParts({ orderId: placed.id });
    expect(after.map((p) => p.status)).toEqual(["rejected", "rejected"]);
    expect(after.every((p) => p.rejectReason === "Заказ покупателя отменён")).toBe(true);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.supA.user.id), eq(notifications.link, `/supplier/orders/${a.id}`)));
    expect(told.some((n) => n.title.en.includes("cancelled by the buyer"))).toBe(true);
  });

  it("refuses to cancel once a supplier has shipped its part, and changes nothing", async () => {
    const placed = await placeMixedOrder("Отгруженная");
    const parts = await as("buyer").supplierOrders.orderParts({ orderId: placed.id });
    const a = parts.find((p) => p.supplierName === "ООО «Альфа»")!;
    const b = parts.find((p) => p.supplierName === "ООО «Бета»")!;
    await as("supA").supplierOrders.move({ partId: a.id, to: "confirmed" });
    await as("supA").supplierOrders.uploadDocument({ partId: a.id, kind: "waybill", fileName: "ttn.pdf", contentBase64: PDF });
    await as("supA").supplierOrders.move({ partId: a.id, to: "shipped", trackingNumber: "CDEK-77" });
    const refused = await trpcError(as("buyer").ordering.cancel({ orderId: placed.id }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect(refused.message).toContain(a.number);
    expect((await as("buyer").ordering.order({ orderId: placed.id })).order.status).not.toBe("cancelled");
    expect((await as("buyer").supplierOrders.orderParts({ orderId: placed.id })).find((p) => p.id === b.id)?.status).toBe("new");
  });
});

describe("a supplier's low stock follows orders", () => {
  it("an order's reservation crossing the threshold notifies once; the cancellation's release re-arms the alert", async () => {
    const free = async () => Number(rowsOf<{ n: string }>(await t.db.execute(sql`select sum(quantity - reserved)::text as n from stock where variant_id = ${cat.products.P1.variantId}`))[0]!.n);
    // Supplier A's threshold sits just under today's free stock: the next order of 5 crosses it.
    await t.db.insert(supplierStockSettings).values({ supplierId: supplierA, defaultLowStockThreshold: String((await free()) - 2) });
    const alerts = async () => (await t.db.select().from(notifications).where(and(eq(notifications.userId, s.supA.user.id), eq(notifications.event, "supplier.low_stock")))).length;
    const before = await alerts();
    const placed = await placeMixedOrder("Остатки");
    expect(await alerts()).toBe(before + 1);
    const [alert] = await t.db.select().from(productStockAlerts).where(eq(productStockAlerts.productId, cat.products.P1.id));
    expect(alert?.isLow).toBe(true);
    await as("buyer").ordering.cancel({ orderId: placed.id });
    const [rearmed] = await t.db.select().from(productStockAlerts).where(eq(productStockAlerts.productId, cat.products.P1.id));
    expect(rearmed?.isLow).toBe(false);
    expect(await alerts()).toBe(before + 1);
  });
});
