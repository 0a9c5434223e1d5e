import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications, productRevisions, products, supplierMembers, suppliers } from "@/db/schema";
import { anonymousViewer } from "@/server/domain/catalog/buyer-context";
import { listProducts } from "@/server/domain/catalog/list-products";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";
import ExcelJS from "exceljs";

let t: TestDatabase;
let f: CatalogFixture;
type Caller = ReturnType<typeof callerFor>;
let supA: Caller;
let supB: Caller;
let moderator: Caller;
let buyer: Caller;
let ownerA: string;
let supplierAId: string;

async function makeSupplier(name: string, inn: string) {
  const [supplier] = await t.db.insert(suppliers).values({ name, inn, status: "approved" }).returning();
  const user = await makeUser(t.db, { role: "supplier" });
  await t.db.insert(supplierMembers).values({ userId: user.id, supplierId: supplier!.id, isOwner: true });
  return { supplierId: supplier!.id, userId: user.id, caller: callerFor(t.db, await sessionFor(t.db, user.id)) };
}

const content = (name: string) => ({ name, description: "Описание", categoryId: f.categories.A1a.id, brandId: f.brands.legrand.id, properties: [{ kindId: f.kinds.color.id, valueId: f.values.white.id }], images: [] });
const buyerSkus = async (sku: string) => (await listProducts(t.db, await anonymousViewer(t.db), { search: sku })).rows.map((r) => r.sku);

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createCatalogFixture(t.db);
  const a = await makeSupplier("Поставщик А", "7707083893");
  const b = await makeSupplier("Поставщик Б", "7736207543");
  supA = a.caller;
  supB = b.caller;
  ownerA = a.userId;
  supplierAId = a.supplierId;
  moderator = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "content_moderator" })).id));
  buyer = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "buyer" })).id));
});
afterAll(async () => {
  await t.destroy();
});

describe("supplier products", () => {
  let productId: string;

  it("a new product waits on moderation, invisible to buyers, with prices and stock set at once", async () => {
    const created = await supA.supplierProducts.create({
      sku: "SUPA-001",
      content: content("Розетка поставщика А"),
      prices: [{ priceTypeId: f.priceTypes.retail.id, amountMinor: 12345 }],
      stock: [{ warehouseId: f.warehouses.w1.id, quantity: 20 }],
    });
    productId = created.id;
    const [row] = await supA.supplierProducts.list({});
    expect(row).toMatchObject({ sku: "SUPA-001", status: "on_moderation", priceMinor: 12345, stock: 20 });
    expect(await buyerSkus("SUPA-001")).not.toContain("SUPA-001");
    await expect(supA.supplierProducts.create({ sku: f.products.P1.sku, content: content("Чужой артикул"), prices: [], stock: [] })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("supplier B never sees or edits supplier A's products, by id or SKU, nor its revisions", async () => {
    expect(await supB.supplierProducts.list({})).toEqual([]);
    expect(await supB.supplierProducts.list({ search: "SUPA" })).toEqual([]);
    await expect(supB.supplierProducts.get({ id: productId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supB.supplierProducts.updateContent({ id: productId, content: content("Взлом") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supB.supplierProducts.updatePricesAndStock({ rows: [{ productId, prices: [{ priceTypeId: f.priceTypes.retail.id, amountMinor: 1 }] }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(supA.supplierProducts.get({ id: f.products.P1.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const preview = await supB.supplierProducts.importPreview(await csvUpload("sku;name;category;price\nSUPA-001;Взлом;Розетки;1\n" + `${f.products.P1.sku};Оператор;Розетки;1\n`));
    expect(preview.rows.map((r) => r.errors)).toEqual([["foreign_sku"], ["foreign_sku"]]);
    const applied = await supB.supplierProducts.importApply(await csvUpload("sku;name;category;price\nSUPA-001;Взлом;Розетки;1\n"));
    expect(applied.created + applied.updated).toBe(0);
    const [p] = await t.db.select().from(products).where(eq(products.id, productId));
    expect(p!.name).toBe("Розетка поставщика А");
  });

  it("approving applies the revision and publishes; buyers then find it", async () => {
    const queue = await moderator.productModeration.productQueue({});
    const item = queue.items.find((i) => i.productId === productId)!;
    expect(item.kind).toBe("create");
    expect(item.diff.fields.find((x) => x.field === "name")?.after).toBe("Розетка поставщика А");
    expect(item.diff.fields.find((x) => x.label === "Цвет")?.after).toBe("белый");
    expect((await moderator.productModeration.productQueue({ supplierId: supplierAId })).items).toHaveLength(1);
    await expect(supA.productModeration.productQueue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await moderator.productModeration.approveProducts({ revisionIds: [item.id] });
    expect(await buyerSkus("SUPA-001")).toContain("SUPA-001");
    const notes = await t.db.select().from(notifications).where(and(eq(notifications.userId, ownerA), eq(notifications.event, "supplier.product_approved")));
    expect(notes).toHaveLength(1);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "product_revision.approve"));
    expect(audits).toHaveLength(1);
  });

  it("a content edit of a published product waits as a revision; buyers keep the old content until approval; reject keeps it and shows the comment", async () => {
    expect((await supA.supplierProducts.updateContent({ id: productId, content: content("Новое имя") })).mode).toBe("revision");
    const [live] = await t.db.select().from(products).where(eq(products.id, productId));
    expect(live).toMatchObject({ name: "Розетка поставщика А", status: "published" });
    const item = (await moderator.productModeration.productQueue({})).items.find((i) => i.productId === productId)!;
    expect(item.diff.fields.find((x) => x.field === "name")).toMatchObject({ before: "Розетка поставщика А", after: "Новое имя", changed: true });
    await expect(moderator.productModeration.rejectProducts({ revisionIds: [item.id] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await moderator.productModeration.rejectProducts({ revisionIds: [item.id], comment: "Название не по стандарту" });
    const [row] = await supA.supplierProducts.list({ search: "SUPA-001" });
    expect(row).toMatchObject({ name: "Розетка поставщика А", status: "published", hasPending: false, lastDecision: { status: "rejected", comment: "Название не по стандарту" } });
    await supA.supplierProducts.updateContent({ id: productId, content: content("Новое имя 2") });
    const again = (await moderator.productModeration.productQueue({})).items.find((i) => i.productId === productId)!;
    await moderator.productModeration.approveProducts({ revisionIds: [again.id] });
    const [after] = await t.db.select().from(products).where(eq(products.id, productId));
    expect(after!.name).toBe("Новое имя 2");
    const decided = await t.db.select().from(productRevisions).where(eq(productRevisions.id, again.id));
    expect(decided[0]!.previous?.name).toBe("Розетка поставщика А");
  });

  it("price and stock apply at once; low stock notifies once per crossing", async () => {
    await supA.supplierProducts.updatePricesAndStock({ rows: [{ productId, prices: [{ priceTypeId: f.priceTypes.retail.id, amountMinor: 500 }], lowStockThreshold: 5 }] });
    expect((await supA.supplierProducts.list({ search: "SUPA-001" }))[0]!.priceMinor).toBe(500);
    const lowNotes = async () => (await t.db.select().from(notifications).where(and(eq(notifications.userId, ownerA), eq(notifications.event, "supplier.low_stock")))).length;
    const setStock = (quantity: number) => supA.supplierProducts.updatePricesAndStock({ rows: [{ productId, stock: [{ warehouseId: f.warehouses.w1.id, quantity }] }] });
    await setStock(5);
    expect(await lowNotes()).toBe(1);
    await setStock(3);
    await setStock(1);
    expect(await lowNotes()).toBe(1);
    expect((await supA.supplierProducts.list({ lowOnly: true })).map((r) => r.sku)).toEqual(["SUPA-001"]);
    await setStock(50);
    await setStock(2);
    expect(await lowNotes()).toBe(2);
  });

  it("imports good rows of a file and reports the bad ones", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("P");
    sheet.addRow(["SKU", "Name", "Category", "Price", "Stock"]);
    sheet.addRow(["SUPA-100", "Импорт 1", "Розетки", 150.5, 7]);
    sheet.addRow(["SUPA-101", "Импорт 2", "Нет такой", 10, 1]);
    sheet.addRow(["SUPA-102", "", "Розетки", "abc", 1]);
    sheet.addRow(["SUPA-001", "", "", 777, 40]);
    const upload = { fileName: "p.xlsx", contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64") };
    const preview = await supA.supplierProducts.importPreview(upload);
    expect(preview.counts).toEqual({ create: 1, update: 1, error: 2 });
    expect(preview.rows[2]!.errors).toEqual(["missing_name", "bad_price"]);
    const result = await supA.supplierProducts.importApply(upload);
    expect(result).toMatchObject({ created: 1, updated: 1 });
    const rows = await supA.supplierProducts.list({});
    expect(rows.find((r) => r.sku === "SUPA-100")).toMatchObject({ status: "on_moderation", priceMinor: 15050, stock: 7 });
    expect(rows.find((r) => r.sku === "SUPA-001")).toMatchObject({ status: "published", priceMinor: 77700, hasPending: false });
    expect(rows.find((r) => r.sku === "SUPA-101")).toBeUndefined();
    expect(await buyerSkus("SUPA-100")).not.toContain("SUPA-100");
  });

  it("a buyer may not call the supplier procedures", async () => {
    await expect(buyer.supplierProducts.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

async function csvUpload(text: string) {
  return { fileName: "p.csv", contentBase64: Buffer.from(text, "utf8").toString("base64") };
}
