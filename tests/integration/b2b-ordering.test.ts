import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { b2bOrders, carts, companies, companyBalances, companyMembers, outbox, prices, stock, stockReservations, users } from "@/db/schema";
import { seedDemoCompanies } from "@/db/seed/demo-companies";
import { seedDemoOrdering } from "@/db/seed/demo-ordering";
import { seedDemoUsers } from "@/db/seed/initial-data";
import type { Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { viewCart } from "@/server/domain/carts/cart-view";
import { cartXlsx, quickOrderTemplate } from "@/server/domain/carts/cart-xlsx";
import { splitLine } from "@/server/domain/b2b-orders/checkout";
import { importOfflineOrder } from "@/server/domain/b2b-orders/import-offline";
import { documentForDownload, ensureInvoice } from "@/server/domain/b2b-orders/documents";
import { releaseExpiredReservations, RESERVATION_EXPIRE_TOPIC } from "@/server/domain/b2b-orders/reservations";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let cat: CatalogFixture;
let companyId: string;
const s = {} as Record<"buyer" | "otherBuyer" | "admin" | "manager", ActiveSession>;
const as = (key: keyof typeof s) => callerFor(t.db, s[key]);
let innSeq = 0;

async function makeCompany(name: string, managerId: string | null = null) {
  innSeq += 1;
  const [row] = await t.db
    .insert(companies)
    .values({ name, inn: String(7700000000 + innSeq), kpp: "770001001", regionId: cat.regions.moscow.id, legalAddress: "г. Москва, ул. Тверская, 1", managerId })
    .returning();
  return row!;
}

async function makeBuyer(company: string, accessLevel = 3) {
  const user = await makeUser(t.db, { role: "buyer" });
  await t.db.insert(companyMembers).values({ userId: user.id, companyId: company, accessLevel, isDefault: true });
  return sessionFor(t.db, user.id);
}

async function stockOf(variantId: string, warehouseId = cat.warehouses.w1.id) {
  const [row] = await t.db.select().from(stock).where(and(eq(stock.variantId, variantId), eq(stock.warehouseId, warehouseId)));
  return { quantity: Number(row?.quantity ?? 0), reserved: Number(row?.reserved ?? 0) };
}

async function setStock(variantId: string, quantity: number) {
  await t.db
    .insert(stock)
    .values({ variantId, warehouseId: cat.warehouses.w1.id, quantity: String(quantity), reserved: "0" })
    .onConflictDoUpdate({ target: [stock.variantId, stock.warehouseId], set: { quantity: String(quantity), reserved: "0" } });
}

async function setBalance(values: Partial<typeof companyBalances.$inferInsert>, company = companyId) {
  await t.db
    .insert(companyBalances)
    .values({ companyId: company, ...values })
    .onConflictDoUpdate({ target: companyBalances.companyId, set: { creditLimitMinor: null, debtMinor: 0, overdueDebtMinor: 0, daysOverdue: 0, ...values } });
}

async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  cat = await createCatalogFixture(t.db);
  const make = async (role: Role) => sessionFor(t.db, (await makeUser(t.db, { role })).id);
  s.admin = await make("admin");
  s.manager = await make("manager");
  companyId = (await makeCompany("ООО «Ромашка»")).id;
  s.buyer = await makeBuyer(companyId);
  s.otherBuyer = await makeBuyer((await makeCompany("ООО «Другая»")).id);
});
afterAll(async () => {
  await t?.destroy();
});

describe("carts", () => {
  it("keeps several named carts: create, switch, rename, save and restore, delete", async () => {
    const first = await as("buyer").ordering.createCart({ name: "Объект А" });
    const second = await as("buyer").ordering.createCart({ name: "Объект Б" });
    let list = await as("buyer").ordering.carts();
    expect(list.find((c) => c.isActive)?.id).toBe(second.id);
    await as("buyer").ordering.switchCart({ cartId: first.id });
    await as("buyer").ordering.renameCart({ cartId: first.id, name: "Объект А (этаж 2)" });
    await as("buyer").ordering.saveCart({ cartId: second.id });
    list = await as("buyer").ordering.carts();
    expect(list.find((c) => c.id === first.id)).toMatchObject({ isActive: true, name: "Объект А (этаж 2)" });
    expect(list.find((c) => c.id === second.id)).toMatchObject({ isActive: false, status: "saved" });
    const restored = await as("buyer").ordering.switchCart({ cartId: second.id });
    expect(restored).toMatchObject({ isActive: true, status: "open" });
    await as("buyer").ordering.deleteCart({ cartId: second.id });
    expect((await as("buyer").ordering.carts()).map((c) => c.id)).not.toContain(second.id);
    // Another buyer's cart does not exist for him.
    expect((await trpcError(as("otherBuyer").ordering.switchCart({ cartId: first.id }))).code).toBe("NOT_FOUND");
    await as("buyer").ordering.switchCart({ cartId: first.id });
  });

  it("checks the unit's minimum and multiple, shows changed prices struck through, exports XLSX", async () => {
    const P1 = cat.products.P1;
    const below = await trpcError(as("buyer").ordering.addLine({ variantId: P1.variantId, quantity: 3 }));
    expect(below).toMatchObject({ code: "BAD_REQUEST" });
    expect(below.message).toMatch(/at least 5/);
    const notMultiple = await trpcError(as("buyer").ordering.addLine({ variantId: P1.variantId, quantity: 7 }));
    expect(notMultiple.message).toMatch(/multiples of 5/);
    await as("buyer").ordering.addLine({ variantId: P1.variantId, quantity: 5 });
    await as("buyer").ordering.addLine({ variantId: P1.variantId, quantity: 5 });
    await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 2 });
    let cart = await as("buyer").ordering.cart({});
    expect(cart.lines.map((l) => [l.sku, l.quantity])).toEqual([["LEG-774401", 10], ["GS-102502", 2]]);
    expect(cart.lines.every((l) => !l.priceChanged)).toBe(true);
    const before = cart.lines[1]!.unitMinor;

    await t.db.update(prices).set({ amountMinor: 16_000 }).where(eq(prices.variantId, cat.products.P4.variantId));
    cart = await as("buyer").ordering.cart({});
    const lamp = cart.lines[1]!;
    expect(lamp.priceChanged).toBe(true);
    expect(lamp.addedUnitMinor).toBe(before);
    expect(lamp.unitMinor).not.toBe(before);
    await t.db.update(prices).set({ amountMinor: 15_000 }).where(eq(prices.variantId, cat.products.P4.variantId));

    const xlsx = await cartXlsx(await viewCart(t.db, s.buyer.user.id));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe("SKU");
    expect(sheet.getRow(2).getCell(1).text).toBe("LEG-774401");
    expect(sheet.getRow(2).getCell(4).value).toBe(10);
    expect(sheet.getRow(3).getCell(1).text).toBe("GS-102502");
  });
});

describe("quick order", () => {
  it("reports every kind of bad pasted line and adds the good ones to the active cart", async () => {
    const cart = await as("buyer").ordering.createCart({ name: "Быстрый" });
    const report = await as("buyer").ordering.quickOrder({
      text: ["GS-102502 3", "NO-SUCH-SKU 1", "LEG-774401 2", "LEG-774401 7", "gs-102503\tабв", "LEG-000001 1", "", "LEG-774401;15"].join("\n"),
    });
    expect(report.cartId).toBe(cart.id);
    expect(report.lines.map((l) => [l.line, l.ok ? "ok" : l.problem])).toEqual([
      [1, "ok"],
      [2, "unknown_sku"],
      [3, "below_min"],
      [4, "not_multiple"],
      [5, "bad_quantity"],
      [6, "not_orderable"],
      [8, "ok"],
    ]);
    expect(report.lines[3]).toMatchObject({ multiple: 5, suggested: 10 });
    expect(report).toMatchObject({ added: 2, rejected: 5 });
    const view = await as("buyer").ordering.cart({});
    expect(view.lines.map((l) => [l.sku, l.quantity])).toEqual([["GS-102502", 3], ["LEG-774401", 15]]);
    expect((await as("buyer").ordering.carts()).find((c) => c.id === cart.id)?.lines).toBe(2);
    expect((await trpcError(as("buyer").ordering.quickOrder({ text: "  " }))).code).toBe("BAD_REQUEST");
  });

  it("reads the downloadable XLSX template filled in", async () => {
    await as("buyer").ordering.createCart({ name: "Из файла" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await quickOrderTemplate()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "SKU", "Quantity"]);
    sheet.addRow(["GS-102503", 4]);
    sheet.addRow(["UNKNOWN-1", 2]);
    sheet.addRow(["LEG-774401", 6]);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
    const report = await as("buyer").ordering.quickOrder({ fileName: "order.xlsx", contentBase64: content });
    expect(report.lines.map((l) => [l.line, l.sku, l.ok ? "ok" : l.problem])).toEqual([
      [2, "GS-102503", "ok"],
      [3, "UNKNOWN-1", "unknown_sku"],
      [4, "LEG-774401", "not_multiple"],
    ]);
    const bad = await trpcError(as("buyer").ordering.quickOrder({ fileName: "order.xlsx", contentBase64: Buffer.from("not a workbook").toString("base64") }));
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("checkout", () => {
  it("splits by what the chosen warehouse has now, reserves it, and releases on cancel", async () => {
    expect(splitLine(10, 1, { minQty: 5, multiple: 5 }, 7)).toEqual({ now: 5, later: 5 });
    await setStock(cat.products.P1.variantId, 10);
    await setStock(cat.products.P4.variantId, 100);
    await as("buyer").ordering.createCart({ name: "Сплит" });
    await as("buyer").ordering.addLine({ variantId: cat.products.P1.variantId, quantity: 10 });
    await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 150 });
    await as("buyer").ordering.addLine({ variantId: cat.products.P3.variantId, quantity: 5 });
    const address = await as("buyer").ordering.addAddress({ consignee: "ООО «Ромашка», склад", address: "г. Москва, ул. Складская, 5" });
    const badWarehouse = await trpcError(as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w2.id }));
    expect(badWarehouse).toMatchObject({ code: "BAD_REQUEST" });
    const noAddress = await trpcError(as("buyer").ordering.checkout({ deliveryMethod: "delivery", warehouseId: cat.warehouses.w1.id }));
    expect(noAddress.message).toMatch(/consignee/);

    const result = await as("buyer").ordering.checkout({ deliveryMethod: "delivery", warehouseId: cat.warehouses.w1.id, addressId: address.id, shipmentDate: "2099-01-15" });
    expect(result.orders.map((o) => o.availability)).toEqual(["in_stock", "later"]);
    const [now, later] = await Promise.all(result.orders.map((o) => as("buyer").ordering.order({ orderId: o.id })));
    expect(now!.lines.map((l) => [l.sku, l.quantity])).toEqual([["LEG-774401", 10], ["GS-102502", 100]]);
    expect(later!.lines.map((l) => [l.sku, l.quantity])).toEqual([["GS-102502", 50], ["LEG-782345", 5]]);
    expect(now!.order).toMatchObject({ consignee: "ООО «Ромашка», склад", shipmentDate: "2099-01-15", source: "online" });
    expect(now!.siblings.map((x) => x.number)).toEqual([later!.order.number]);
    expect(now!.order.vatMinor).toBe(Math.round((now!.order.totalMinor * 20) / 120));
    expect(await stockOf(cat.products.P1.variantId)).toEqual({ quantity: 10, reserved: 10 });
    expect(await stockOf(cat.products.P4.variantId)).toEqual({ quantity: 100, reserved: 100 });
    expect(later!.reservations).toEqual([]);
    const hours = (new Date(now!.reservations[0]!.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const jobs = await t.db.select().from(outbox).where(eq(outbox.topic, RESERVATION_EXPIRE_TOPIC));
    expect(jobs.map((j) => j.payload)).toContainEqual({ orderId: now!.order.id });
    // The ordered cart is gone from the list.
    expect((await as("buyer").ordering.carts()).map((c) => c.name)).not.toContain("Сплит");

    // Someone else's order does not exist for another buyer.
    expect((await trpcError(as("otherBuyer").ordering.order({ orderId: now!.order.id }))).code).toBe("NOT_FOUND");
    await as("buyer").ordering.cancel({ orderId: now!.order.id });
    expect(await stockOf(cat.products.P1.variantId)).toEqual({ quantity: 10, reserved: 0 });
    expect(await stockOf(cat.products.P4.variantId)).toEqual({ quantity: 100, reserved: 0 });
    const cancelled = await as("buyer").ordering.order({ orderId: now!.order.id });
    expect(cancelled.reservations.every((r) => r.releaseReason === "cancelled")).toBe(true);
    expect((await trpcError(as("buyer").ordering.cancel({ orderId: now!.order.id }))).code).toBe("PRECONDITION_FAILED");

    const repeated = await as("buyer").ordering.repeat({ orderId: later!.order.id });
    expect(repeated).toMatchObject({ added: 2, skipped: [] });
    const cart = await as("buyer").ordering.cart({});
    expect(cart.id).toBe(repeated.cartId);
    expect(cart.lines.map((l) => [l.sku, l.quantity])).toEqual([["GS-102502", 50], ["LEG-782345", 5]]);
  });

  it("releases a reservation when its time is up (the expiry job)", async () => {
    await setStock(cat.products.P5.variantId, 20);
    await as("buyer").ordering.createCart({ name: "Истечение" });
    await as("buyer").ordering.addLine({ variantId: cat.products.P5.variantId, quantity: 8 });
    const result = await as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
    expect(await stockOf(cat.products.P5.variantId)).toEqual({ quantity: 20, reserved: 8 });
    expect(await releaseExpiredReservations(t.db, new Date(Date.now() + 3_600_000))).toBe(0);
    expect(await releaseExpiredReservations(t.db, new Date(Date.now() + 73 * 3_600_000))).toBe(1);
    expect(await stockOf(cat.products.P5.variantId)).toEqual({ quantity: 20, reserved: 0 });
    const [reservation] = await t.db.select().from(stockReservations).where(eq(stockReservations.orderId, result.orders[0]!.id));
    expect(reservation).toMatchObject({ releaseReason: "expired" });
    expect(await releaseExpiredReservations(t.db, new Date(Date.now() + 74 * 3_600_000))).toBe(0);
  });

  it("blocks a company with overdue debt or over its credit limit, saying why and by how much", async () => {
    await as("buyer").ordering.createCart({ name: "Кредит" });
    await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 2 });
    const total = (await as("buyer").ordering.cart({})).totalMinor;

    await setBalance({ overdueDebtMinor: 500_000, daysOverdue: 12, debtMinor: 900_000 });
    const overdue = await trpcError(as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id }));
    expect(overdue.code).toBe("PRECONDITION_FAILED");
    expect(overdue.message).toBe("Orders are blocked: overdue debt of 5 000.00 RUB, 12 days overdue. Pay the overdue amount to order again.");

    const open = (await t.db.select().from(b2bOrders).where(and(eq(b2bOrders.companyId, companyId), eq(b2bOrders.status, "new")))).reduce((sum, o) => sum + o.totalMinor, 0);
    await setBalance({ creditLimitMinor: 1_000_000, debtMinor: 900_000 });
    const over = await trpcError(as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id }));
    const excess = 900_000 + open + total - 1_000_000;
    const rub = (minor: number) => `${Math.trunc(minor / 100).toLocaleString("ru-RU").replace(/\u00a0/g, " ")}.${String(minor % 100).padStart(2, "0")} RUB`;
    expect(over.message).toMatch(new RegExp(`^Credit limit exceeded by ${rub(excess)}: limit 10 000.00 RUB, debt 9 000.00 RUB`));

    const balance = await as("buyer").ordering.balance();
    expect(balance).toMatchObject({ finances: true, creditLimitMinor: 1_000_000, debtMinor: 900_000, openOrdersMinor: open });
    await setBalance({ creditLimitMinor: 100_000_000, debtMinor: 900_000 });
    const placed = await as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id });
    expect(placed.orders).toHaveLength(1);
  });

  it("never oversells the last items under 20 concurrent checkouts", async () => {
    const variantId = cat.products.P2.variantId;
    await setStock(variantId, 5);
    const buyers = [];
    for (let i = 0; i < 20; i += 1) buyers.push(await makeBuyer((await makeCompany(`ООО «Покупатель ${i}»`)).id));
    for (const session of buyers) await callerFor(t.db, session).ordering.addLine({ variantId, quantity: 1 });
    const results = await Promise.allSettled(buyers.map((session) => callerFor(t.db, session).ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const placed = results.flatMap((r) => (r.status === "fulfilled" ? r.value.orders : []));
    expect(placed.filter((o) => o.availability === "in_stock")).toHaveLength(5);
    expect(placed.filter((o) => o.availability === "later")).toHaveLength(15);
    expect(await stockOf(variantId)).toEqual({ quantity: 5, reserved: 5 });
    const reservations = await t.db.select().from(stockReservations).where(eq(stockReservations.variantId, variantId));
    expect(reservations.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(5);
  });
});

describe("documents and staff", () => {
  it("generates the invoice PDF with requisites and VAT and parses it back", async () => {
    const [order] = await t.db.select().from(b2bOrders).where(eq(b2bOrders.companyId, companyId)).limit(1);
    const doc = await ensureInvoice(t.db, { kind: "buyer", userId: s.buyer.user.id }, order!.id);
    expect(doc.content.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(doc.content);
    expect(text).toContain(`Счёт на оплату № ${order!.number}`);
    expect(text).toContain("ООО «Ромашка»");
    expect(text).toContain("ИНН 7707083893");
    expect(text).toContain("НДС 20%");
    const vat = order!.vatMinor;
    expect(text.replace(/\s/g, "")).toContain(`${Math.trunc(vat / 100)},${String(vat % 100).padStart(2, "0")}RUB`);
    const again = await ensureInvoice(t.db, { kind: "buyer", userId: s.buyer.user.id }, order!.id);
    expect(again.id).toBe(doc.id);
    await expect(documentForDownload(t.db, { kind: "buyer", userId: s.otherBuyer.user.id }, doc.id)).rejects.toThrow(/not found/);
  });

  it("staff see B2B orders in their scope, move them along the flow, ship (consuming the reservation) and attach documents", async () => {
    await setStock(cat.products.P4.variantId, 100);
    await setBalance({ creditLimitMinor: null });
    await as("buyer").ordering.createCart({ name: "Для отгрузки" });
    await as("buyer").ordering.addLine({ variantId: cat.products.P4.variantId, quantity: 10 });
    const [placed] = (await as("buyer").ordering.checkout({ deliveryMethod: "pickup", warehouseId: cat.warehouses.w1.id })).orders;
    const list = await as("admin").ordering.staffOrders({ number: placed!.number });
    expect(list.rows.map((r) => r.number)).toEqual([placed!.number]);
    // A manager sees only the companies he serves.
    expect((await as("manager").ordering.staffOrders({ number: placed!.number })).rows).toEqual([]);
    expect((await trpcError(as("manager").ordering.staffSetStatus({ orderId: placed!.id, status: "confirmed" }))).code).toBe("NOT_FOUND");
    expect((await trpcError(as("buyer").ordering.staffOrders({}))).code).toBe("FORBIDDEN");

    const skip = await trpcError(as("admin").ordering.staffSetStatus({ orderId: placed!.id, status: "delivered" }));
    expect(skip.code).toBe("PRECONDITION_FAILED");
    await as("admin").ordering.staffSetStatus({ orderId: placed!.id, status: "confirmed" });
    await as("admin").ordering.staffSetStatus({ orderId: placed!.id, status: "assembling" });
    expect((await trpcError(as("buyer").ordering.cancel({ orderId: placed!.id }))).code).toBe("PRECONDITION_FAILED");
    const shipment = await as("admin").ordering.staffCreateShipment({ orderId: placed!.id });
    await as("admin").ordering.staffShipmentStatus({ shipmentId: shipment.id, status: "assembling" });
    await as("admin").ordering.staffShipmentStatus({ shipmentId: shipment.id, status: "shipped" });
    await as("admin").ordering.staffSetStatus({ orderId: placed!.id, status: "shipped" });
    expect(await stockOf(cat.products.P4.variantId)).toEqual({ quantity: 90, reserved: 0 });

    const waybill = await as("admin").ordering.staffAttachDocument({
      orderId: placed!.id, shipmentId: shipment.id, kind: "waybill", number: "ТН-15", fileName: "waybill-15.pdf", contentBase64: Buffer.from("%PDF-1.4 waybill").toString("base64"),
    });
    const details = await as("buyer").ordering.order({ orderId: placed!.id });
    expect(details.order.status).toBe("shipped");
    expect(details.shipments).toMatchObject([{ status: "shipped", number: `${placed!.number}/1` }]);
    expect(details.documents).toMatchObject([{ id: waybill.id, kind: "waybill", shipmentId: shipment.id, source: "staff" }]);
    const history = await as("buyer").ordering.orders({ status: "shipped" });
    expect(history.rows.map((r) => r.number)).toEqual([placed!.number]);
    expect((await as("buyer").ordering.orders({ number: "NOPE" })).total).toBe(0);
  });
});

describe("demo seed", () => {
  it("gives the demo companies balances and addresses and the demo buyer two carts, once", async () => {
    const fresh = await createTestDatabase();
    try {
      await seedDemoUsers(fresh.db);
      await createCatalogFixture(fresh.db);
      await seedDemoCompanies(fresh.db);
      await seedDemoOrdering(fresh.db);
      await seedDemoOrdering(fresh.db);
      const balances = await fresh.db.select().from(companyBalances);
      const companyCount = (await fresh.db.select().from(companies)).length;
      expect(balances).toHaveLength(companyCount);
      expect(balances.some((b) => b.overdueDebtMinor > 0 && b.daysOverdue > 0)).toBe(true);
      expect(balances.some((b) => b.creditLimitMinor !== null && b.paymentSchedule.length === 2)).toBe(true);
      const [buyer] = await fresh.db.select().from(users).where(eq(users.email, "buyer@demo.t3crm.local"));
      const buyerCarts = await fresh.db.select().from(carts).where(eq(carts.userId, buyer!.id));
      expect(buyerCarts.map((c) => [c.name, c.isActive, c.status]).sort()).toEqual([
        ["Объект на Ленинском", false, "saved"],
        ["Основная", true, "open"],
      ]);
    } finally {
      await fresh.destroy();
    }
  });
});

describe("offline orders", () => {
  it("imports an ERP order into the history marked offline, and re-imports it without a duplicate", async () => {
    await t.db.update(companies).set({ erpId: "erp-romashka" }).where(eq(companies.id, companyId));
    const order = {
      erpId: "1c-000777", number: "ЗК-000777", companyErpId: "erp-romashka", status: "confirmed" as const, currency: "RUB", createdAt: "2026-11-20T10:00:00Z",
      lines: [{ sku: "GS-102502", name: "Лампа Gauss 10Вт", unit: "pcs", quantity: 20, unitMinor: 14_000 }],
    };
    const first = await importOfflineOrder(t.db, order);
    const again = await importOfflineOrder(t.db, { ...order, status: "shipped" });
    expect(again.id).toBe(first.id);
    const history = await as("buyer").ordering.orders({ source: "offline" });
    expect(history.rows).toMatchObject([{ number: "ЗК-000777", source: "offline", status: "shipped", totalMinor: 280_000 }]);
    const details = await as("buyer").ordering.order({ orderId: first.id });
    expect(details.lines.map((l) => [l.sku, l.quantity, l.variantId])).toEqual([["GS-102502", 20, cat.products.P4.variantId]]);
    await expect(importOfflineOrder(t.db, { ...order, erpId: "x", companyErpId: "nope" })).rejects.toThrow(/Unknown company/);
  });
});
