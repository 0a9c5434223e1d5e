import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  categories, companies, exchangeRunItems, exchangeRuns, orders, prices, priceTypes, productCategories, productProperties, products,
  productVariants, propertyKinds, propertyValues, stock, warehouses,
} from "@/db/schema";
import { setExchangeCredential } from "@/server/domain/exchange/credentials";
import { exchangeSummary, listRunItems, listRuns, setSchedule } from "@/server/domain/exchange/exchange-log";
import { setSetting } from "@/server/domain/settings/settings";
import { collectElements, requisites, textOf, children, child, type XmlNode } from "@/server/integrations/commerceml/xml-stream";
import { ExchangeClient, EXCHANGE_LOGIN, EXCHANGE_PASSWORD, FIXTURES } from "../helpers/exchange-client";
import { countRows, createTestShop, insertFxRate, orderBody, orderDeps, placeOrder, type TestShop } from "../helpers/order-fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let dir: string;
let shop: TestShop;
const importXml = readFileSync(path.join(FIXTURES, "import.xml"));
const offersXml = readFileSync(path.join(FIXTURES, "offers.xml"));
const ordersXml = readFileSync(path.join(FIXTURES, "orders.xml"));

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "t3-exchange-"));
  await setExchangeCredential(t.db, { login: EXCHANGE_LOGIN, password: EXCHANGE_PASSWORD }, null);
  // Our own retail price type, without a 1C id yet: the offers' "Розничная" must map onto it by name.
  await t.db.insert(priceTypes).values({ code: "retail", name: "Розничная", currency: "RUB", isDefault: true });
  shop = await createTestShop(t.db);
  await insertFxRate(t.db, "EUR", "1.1");
});
afterAll(async () => {
  await t.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function catalogExchange(client: ExchangeClient) {
  expect((await client.checkauth("catalog")).text).toMatch(/^success\nt3_exchange\n\S+$/);
  expect((await client.call({ type: "catalog", mode: "init" })).text).toBe("zip=yes\nfile_limit=4096");
  // import.xml in plain 4 KB chunks, offers.xml zipped and sent in two chunks.
  const plain = await client.upload("catalog", "import.xml", importXml, 4096);
  expect(plain.length).toBeGreaterThan(10);
  expect(plain.every((a) => a.text === "success")).toBe(true);
  const zip = zipSync({ "offers.xml": new Uint8Array(offersXml) });
  const zipped = await client.upload("catalog", "offers.zip", zip, Math.ceil(zip.length / 2));
  expect(zipped.map((a) => a.text)).toEqual(["success", "success"]);
  const importAnswers = await client.importUntilDone("catalog", "import.xml");
  const offersAnswers = await client.importUntilDone("catalog", "offers.xml");
  return { importAnswers, offersAnswers };
}

async function tableCounts() {
  const tables = { categories, propertyKinds, propertyValues, products, productVariants, productCategories, productProperties, prices, stock, priceTypes, warehouses, companies };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = await countRows(t.db, table);
  return out;
}

async function variantPrice(offerId: string) {
  const [row] = await t.db
    .select({ amount: prices.amountMinor, currency: prices.currency, type: priceTypes.code })
    .from(prices)
    .innerJoin(productVariants, eq(productVariants.id, prices.variantId))
    .innerJoin(priceTypes, eq(priceTypes.id, prices.priceTypeId))
    .where(eq(productVariants.erpId, offerId));
  return row;
}

const BOOTS = "bd72d910-55bc-11d9-848a-00112f43529a";
const BOOTS_38 = `${BOOTS}#90c55447-d3a8-11e4-9423-e0cb4ed5eed4`;

describe("1C exchange over HTTP: authentication", () => {
  it("refuses a wrong password and any mode without the session cookie", async () => {
    const client = new ExchangeClient(t.db, dir);
    const wrong = await client.checkauth("catalog", EXCHANGE_LOGIN, "not-the-password");
    expect(wrong.status).toBe(401);
    expect(wrong.text.startsWith("failure")).toBe(true);
    const init = await client.call({ type: "catalog", mode: "init" });
    expect(init.status).toBe(401);
    client.cookie = "t3_exchange=forged";
    expect((await client.call({ type: "catalog", mode: "init" })).status).toBe(401);
  });

  it("answers 400 naming the field for an unknown mode or an unsafe file name", async () => {
    const client = new ExchangeClient(t.db, dir);
    const bad = await client.call({ type: "catalog", mode: "explode" });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/^failure\nmode/);
    await client.checkauth("catalog");
    const escape = await client.call({ type: "catalog", mode: "file", filename: "../../etc/passwd" }, { body: new Uint8Array([1]) });
    expect(escape.status).toBe(400);
    expect(escape.text).toMatch(/filename/);
  });
});

describe("1C exchange over HTTP: catalog import with the fixture files", () => {
  let firstCounts: Record<string, number>;

  it("imports step by step: progress until the file is done, then success", async () => {
    const client = new ExchangeClient(t.db, dir, 4096);
    const { importAnswers, offersAnswers } = await catalogExchange(client);
    expect(importAnswers.map((a) => a.text.split("\n")[0])).toEqual(["progress", "success"]);
    expect(importAnswers[0]!.text).toContain("classifier done: catalog: 32 read, 32 new");
    expect(importAnswers[1]!.text).toContain("catalog done: catalog: 2 read, 2 new");
    expect(offersAnswers.map((a) => a.text.split("\n")[0])).toEqual(["success"]);
    expect(offersAnswers[0]!.text).toContain("prices: 5 read, 5 new");
    // Once done, another import call of the same file changes nothing and says success.
    expect((await client.call({ type: "catalog", mode: "import", filename: "import.xml" })).text).toBe("success");
    firstCounts = await tableCounts();
  });

  it("builds the categories tree from the groups", async () => {
    expect(await countRows(t.db, categories)).toBe(22);
    const [shoes] = await t.db.select().from(categories).where(eq(categories.erpId, "e5a4c309-a659-11dd-acee-0015e9b8c48d"));
    const [parent] = await t.db.select().from(categories).where(eq(categories.erpId, "453d6e3a-7233-11e0-8636-0011951d229d"));
    expect(parent?.name).toBe("Обувь");
    expect(parent?.depth).toBe(0);
    expect(shoes?.parentId).toBe(parent?.id);
    expect(shoes?.depth).toBe(1);
    expect(shoes?.path).toBe(`/${parent!.id}/${shoes!.id}/`);
  });

  it("imports properties with their reference values", async () => {
    expect(await countRows(t.db, propertyKinds)).toBe(10);
    const [maker] = await t.db.select().from(propertyKinds).where(eq(propertyKinds.erpId, "bb14a4b8-6b17-11e0-9819-e0cb4ed5eed4"));
    expect(maker).toMatchObject({ name: "Производитель", type: "enum" });
    const values = await t.db.select().from(propertyValues).where(eq(propertyValues.kindId, maker!.id));
    expect(values.map((v) => v.value)).toContain("Обувной комбинат");
    expect(values).toHaveLength(7);
    const [supplier] = await t.db.select().from(propertyKinds).where(eq(propertyKinds.erpId, "444bbea0-6b18-11e0-9819-e0cb4ed5eed4"));
    expect(supplier?.type).toBe("text");
  });

  it("imports products with their sections, properties and default variants", async () => {
    const [boots] = await t.db.select().from(products).where(eq(products.erpId, BOOTS));
    expect(boots).toMatchObject({ sku: "Б-130001", name: "Женские ботфорты коричневые", barcode: "2000018987155", status: "published" });
    const [section] = await t.db.select().from(categories).where(eq(categories.id, boots!.mainCategoryId!));
    expect(section?.erpId).toBe("e5a4c309-a659-11dd-acee-0015e9b8c48d");
    const inSections = await t.db.select().from(productCategories).where(eq(productCategories.productId, boots!.id));
    expect(inSections.map((s) => s.isDirect).sort()).toEqual([false, true]);
    const props = await t.db
      .select({ kind: propertyKinds.name, value: propertyValues.value, text: productProperties.textValue })
      .from(productProperties)
      .innerJoin(propertyKinds, eq(propertyKinds.id, productProperties.kindId))
      .leftJoin(propertyValues, eq(propertyValues.id, productProperties.valueId))
      .where(eq(productProperties.productId, boots!.id));
    expect(props).toContainEqual({ kind: "Производитель", value: "Обувной комбинат", text: null });
    expect(props).toContainEqual({ kind: "Основной поставщик", value: null, text: "ООО Рога и копыта" });
    const variants = await t.db.select().from(productVariants).where(eq(productVariants.productId, boots!.id));
    expect(variants.map((v) => v.erpId).sort()).toEqual([BOOTS, BOOTS_38, `${BOOTS}#e5a4c316-a659-11dd-acee-0015e9b8c48d`].sort());
    const size38 = variants.find((v) => v.erpId === BOOTS_38);
    expect(size38?.options).toEqual({ Размер: "40", "Тип кожи": "натуральная кожа", Цвет: "Коричневый" });
  });

  it("maps the 1C price type onto ours by name, and stores prices and stock per warehouse", async () => {
    const types = await t.db.select().from(priceTypes);
    expect(types).toHaveLength(1);
    expect(types[0]).toMatchObject({ code: "retail", erpId: "bb14a3a4-6b17-11e0-9819-e0cb4ed5eed4" });
    expect(await variantPrice(BOOTS_38)).toEqual({ amount: 171900, currency: "RUB", type: "retail" });
    const [shoeShop] = await t.db.select().from(warehouses).where(eq(warehouses.erpId, "b6112590-41ba-11dd-ac9d-0015e9b8c48d"));
    expect(shoeShop?.name).toBe('Магазин "Обувь"');
    const [boots38] = await t.db.select().from(productVariants).where(eq(productVariants.erpId, BOOTS_38));
    const [rest] = await t.db.select().from(stock).where(and(eq(stock.variantId, boots38!.id), eq(stock.warehouseId, shoeShop!.id)));
    expect(Number(rest?.quantity)).toBe(20);
    expect(await countRows(t.db, stock)).toBe(5);
  });

  it("logs a done run per category with its counts", async () => {
    const runs = await t.db.select().from(exchangeRuns);
    const byCategory = (c: string) => runs.filter((r) => r.category === c);
    expect(byCategory("catalog").every((r) => r.status === "done" && r.finishedAt)).toBe(true);
    expect(byCategory("prices")[0]).toMatchObject({ status: "done", itemsTotal: 5, itemsCreated: 5 });
    expect(byCategory("stock")[0]).toMatchObject({ status: "done", itemsTotal: 5 });
  });

  it("a second full exchange updates in place: no new rows, same values, nothing rewritten", async () => {
    const [before] = await t.db.select({ updatedAt: products.updatedAt }).from(products).where(eq(products.erpId, BOOTS));
    const client = new ExchangeClient(t.db, dir, 4096);
    const { importAnswers, offersAnswers } = await catalogExchange(client);
    expect(importAnswers.at(-1)!.text.startsWith("success")).toBe(true);
    expect(importAnswers[1]!.text).toContain("catalog: 2 read, 0 new, 0 changed");
    expect(offersAnswers[0]!.text).toContain("prices: 5 read, 0 new, 0 changed");
    expect(await tableCounts()).toEqual(firstCounts);
    expect(await variantPrice(BOOTS_38)).toEqual({ amount: 171900, currency: "RUB", type: "retail" });
    const [after] = await t.db.select({ updatedAt: products.updatedAt }).from(products).where(eq(products.erpId, BOOTS));
    expect(after?.updatedAt.getTime()).toBe(before?.updatedAt.getTime());
  });

  it("a changed price is updated; a broken file changes nothing half-way and is logged as an error", async () => {
    const client = new ExchangeClient(t.db, dir);
    await client.checkauth("catalog");
    await client.call({ type: "catalog", mode: "init" });
    const changed = offersXml.toString("utf8").replace("<ЦенаЗаЕдиницу>1719</ЦенаЗаЕдиницу>", "<ЦенаЗаЕдиницу>1800.50</ЦенаЗаЕдиницу>");
    await client.upload("catalog", "offers.xml", Buffer.from(changed), 1 << 20);
    expect((await client.importUntilDone("catalog", "offers.xml"))[0]!.text).toContain("prices: 5 read, 0 new, 1 changed");
    expect((await variantPrice(BOOTS_38))?.amount).toBe(180050);

    // The original file (price 1719) cut off before its end: the import fails as a whole, the price stays.
    const broken = offersXml.toString("utf8");
    await client.upload("catalog", "offers_broken.xml", Buffer.from(broken.slice(0, broken.length - 300)), 1 << 20);
    const answer = await client.call({ type: "catalog", mode: "import", filename: "offers_broken.xml" });
    expect(answer.text).toMatch(/^failure\noffers: /);
    expect((await variantPrice(BOOTS_38))?.amount).toBe(180050);
    const failed = await t.db.select().from(exchangeRuns).where(and(eq(exchangeRuns.fileName, "offers_broken.xml"), eq(exchangeRuns.status, "error")));
    expect(failed.map((r) => r.category).sort()).toEqual(["prices", "stock"]);
    expect(failed[0]?.error).toBeTruthy();
  });
});

async function parseDocuments(bytes: Buffer): Promise<XmlNode[]> {
  const out: XmlNode[] = [];
  async function* source() {
    yield bytes;
  }
  for await (const item of collectElements(source(), (p) => (p.length === 2 && p[1] === "Документ" ? "doc" : null))) out.push(item.node);
  return out;
}

describe("1C exchange over HTTP: orders (type=sale)", () => {
  let orderId: string;

  it("exports new orders as CommerceML documents and, after success, only what changed since", async () => {
    orderId = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, email: "exchange.buyer@example.com" }));
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    const client = new ExchangeClient(t.db, dir);
    await client.checkauth("sale");
    await client.call({ type: "sale", mode: "init" });
    const answer = await client.call({ type: "sale", mode: "query" });
    expect(answer.headers.get("content-type")).toContain("utf-8");
    const docs = await parseDocuments(answer.bytes);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(textOf(doc, "Ид")).toBe(orderId);
    expect(textOf(doc, "Номер")).toBe(String(order!.number));
    expect(textOf(doc, "Валюта")).toBe(order!.currency);
    expect(Math.round(Number(textOf(doc, "Сумма")) * 100)).toBe(order!.totalMinor);
    const counterparty = child(child(doc, "Контрагенты")!, "Контрагент")!;
    expect(textOf(counterparty, "Фамилия")).toBe(order!.customerLastName);
    const lines = children(child(doc, "Товары"), "Товар");
    expect(lines.length).toBeGreaterThan(0);
    expect(requisites(doc).get("Статус заказа ИД")).toBe(order!.status);

    expect((await client.call({ type: "sale", mode: "success" })).text).toBe("success");
    expect(await parseDocuments((await client.call({ type: "sale", mode: "query" })).bytes)).toHaveLength(0);
    const items = await t.db.select().from(exchangeRunItems).where(eq(exchangeRunItems.externalId, orderId));
    expect(items.some((i) => i.category === "orders" && i.status === "done")).toBe(true);
  });

  it("exports in windows-1251 when set, and takes 1C's status back from a windows-1251 sale file", async () => {
    await setSetting(t.db, "exchange.ordersEncoding", "windows-1251", null);
    await t.db.update(orders).set({ updatedAt: new Date() }).where(eq(orders.id, orderId));
    const client = new ExchangeClient(t.db, dir);
    await client.checkauth("sale");
    await client.call({ type: "sale", mode: "init" });
    const answer = await client.call({ type: "sale", mode: "query" });
    expect(answer.headers.get("content-type")).toContain("windows-1251");
    const xml = iconv.decode(answer.bytes, "win1251");
    expect(xml).toContain('encoding="windows-1251"');
    expect(xml).toContain("<ХозОперация>Заказ товара</ХозОперация>");
    await client.call({ type: "sale", mode: "success" });

    // 1C cancels the order and sends the document back.
    const back = xml.replace("<Значение>false</Значение></ЗначениеРеквизита><ЗначениеРеквизита><Наименование>Адрес доставки", "<Значение>true</Значение></ЗначениеРеквизита><ЗначениеРеквизита><Наименование>Адрес доставки");
    expect(back).not.toBe(xml);
    const upload = await client.upload("sale", "orders-from-1c.xml", iconv.encode(back, "win1251"), 1 << 20);
    expect(upload.map((a) => a.text)).toEqual(["success"]);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order?.status).toBe("cancelled");
    const logged = await t.db.select().from(exchangeRunItems).where(and(eq(exchangeRunItems.externalId, orderId), eq(exchangeRunItems.message, "pending → cancelled")));
    expect(logged).toHaveLength(1);
  });

  it("reads the fixture's windows-1251 orders file: the unknown order is a logged error, the private person is skipped", async () => {
    const client = new ExchangeClient(t.db, dir);
    await client.checkauth("sale");
    await client.call({ type: "sale", mode: "init" });
    const before = await countRows(t.db, companies);
    expect((await client.upload("sale", "orders.xml", ordersXml, 2048)).at(-1)?.text).toBe("success");
    const errors = await t.db.select().from(exchangeRunItems).where(and(eq(exchangeRunItems.externalId, "20"), eq(exchangeRunItems.status, "error")));
    expect(errors[0]?.message).toBe("Заказ не найден на сайте");
    const skipped = await t.db.select().from(exchangeRunItems).where(eq(exchangeRunItems.externalId, "1#admin#Петров Петр"));
    expect(skipped[0]?.status).toBe("skipped");
    expect(await countRows(t.db, companies)).toBe(before);
  });
});

describe("counterparties → companies", () => {
  it("creates a company from a counterparty with an ИНН and updates it in place on re-import", async () => {
    const xml = (name: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.07"><Контрагенты><Контрагент><Ид>cp-guid-1</Ид><Наименование>${name}</Наименование><ОфициальноеНаименование>${name}</ОфициальноеНаименование><ИНН>7707083893</ИНН><КПП>773601001</КПП></Контрагент></Контрагенты></КоммерческаяИнформация>`;
    const client = new ExchangeClient(t.db, dir);
    await client.checkauth("catalog");
    await client.call({ type: "catalog", mode: "init" });
    await client.upload("catalog", "contragents.xml", Buffer.from(xml('ООО "Ромашка"')), 1 << 20);
    expect((await client.importUntilDone("catalog", "contragents.xml"))[0]!.text).toContain("counterparties: 1 read, 1 new");
    await client.call({ type: "catalog", mode: "init" });
    await client.upload("catalog", "contragents.xml", Buffer.from(xml('ООО "Ромашка плюс"')), 1 << 20);
    expect((await client.importUntilDone("catalog", "contragents.xml"))[0]!.text).toContain("counterparties: 1 read, 0 new, 1 changed");
    const rows = await t.db.select().from(companies).where(eq(companies.erpId, "cp-guid-1"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'ООО "Ромашка плюс"', inn: "7707083893", kpp: "773601001" });
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(companies).where(eq(companies.inn, "7707083893"))).toEqual([{ n: 1 }]);
  });
});

describe("exchange logs: summary, all logs, schedule", () => {
  it("shows the last run per category (the broken offers file as an error), runs and single items filtered by type and status", async () => {
    const summary = await exchangeSummary(t.db);
    expect(summary.map((s) => s.category)).toEqual(["catalog", "prices", "stock", "orders", "counterparties", "documents"]);
    const byCategory = new Map(summary.map((s) => [s.category, s]));
    expect(byCategory.get("catalog")?.status).toBe("done");
    expect(byCategory.get("prices")).toMatchObject({ status: "error", itemsTotal: 0 });
    expect(byCategory.get("prices")?.error).toBeTruthy();
    expect(byCategory.get("stock")?.intervalMinutes).toBe(10);
    expect(byCategory.get("documents")?.status).toBeNull();
    const errors = await listRuns(t.db, { status: "error" });
    expect(errors.map((r) => r.fileName)).toContain("offers_broken.xml");
    expect(errors.every((r) => r.status === "error")).toBe(true);
    const orderErrors = await listRunItems(t.db, { category: "orders", status: "error" });
    expect(orderErrors.map((i) => i.externalId)).toContain("20");
    expect(orderErrors.every((i) => i.category === "orders" && i.status === "error")).toBe(true);
    expect((await listRunItems(t.db, { search: "Петров" })).every((i) => i.label?.includes("Петров"))).toBe(true);
  });

  it("stores an edited schedule and rejects a zero interval naming the field", async () => {
    await setSchedule(t.db, { category: "stock", intervalMinutes: 1, enabled: true }, null);
    expect((await exchangeSummary(t.db)).find((s) => s.category === "stock")?.intervalMinutes).toBe(1);
    await expect(setSchedule(t.db, { category: "stock", intervalMinutes: 0, enabled: true }, null)).rejects.toThrow(/intervalMinutes|At least/);
  });
});
