import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, companyMembers } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import { priceForBuyer } from "@/server/domain/pricing/price-for-buyer";
import { buildPriceList } from "@/server/domain/price-list/price-list-rows";
import { handlePriceListDownload } from "@/server/http/price-list";
import { makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let f: CatalogFixture;
let buyerId: string;
let loneBuyerId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createCatalogFixture(t.db);
  // A company in St Petersburg buying at the wholesale type: its prices differ from the public ones.
  const [company] = await t.db.insert(companies).values({ name: "ООО Вектор", inn: "7707083893", kpp: "770701001", regionId: f.regions.spb.id, priceTypeId: f.priceTypes.wholesale.id }).returning();
  const buyer = await makeUser(t.db, { role: "buyer" });
  buyerId = buyer.id;
  await t.db.insert(companyMembers).values({ userId: buyer.id, companyId: company!.id, accessLevel: 2, isDefault: true });
  loneBuyerId = (await makeUser(t.db, { role: "buyer" })).id;
});
afterAll(async () => {
  await t.destroy();
});

const download = async (role: Role | null, query: string, userId?: string) => {
  const session = role ? await sessionFor(t.db, userId ?? (await makeUser(t.db, { role })).id) : null;
  return handlePriceListDownload(new Request(`http://test/api/b2b/price-list?${query}`), { db: t.db, session, now: new Date("2026-12-03T10:00:00Z") });
};

describe("price list rows", () => {
  it("lists every published variant of the chosen subtree with the buyer's own prices and the region's stock", async () => {
    const list = await buildPriceList(t.db, buyerId, { categoryIds: [f.categories.A.id] });
    expect(list.companyName).toBe("ООО Вектор");
    expect(list.regionName).toBe("Санкт-Петербург");
    expect(list.personal).toBe(true);
    // P1–P3 are under A (the draft P6 is not); P2 sits in A1a, P3 in A1.
    expect(list.rows.map((r) => r.sku).sort()).toEqual(["LEG-774401", "LEG-782345", "SE-ATN000143"]);
    const expected = await priceForBuyer(t.db, buyerId, [f.products.P1, f.products.P2, f.products.P3].map((p) => ({ variantId: p.variantId, quantity: 1 })));
    for (const line of expected.lines) {
      const row = list.rows.find((r) => r.sku === line.sku);
      expect(row?.priceMinor).toBe(line.unitMinor);
    }
    expect(list.rows.find((r) => r.sku === "LEG-774401")?.priceMinor).toBe(Math.round(30000 * 0.87));
    // Stock counts the St Petersburg warehouse only: P2 has 5 there, P1's 10 are in Moscow.
    expect(list.rows.find((r) => r.sku === "SE-ATN000143")?.stock).toBe(5);
    expect(list.rows.find((r) => r.sku === "LEG-774401")?.stock).toBe(0);
  });

  it("takes the stock of another region when asked and can keep only items in stock", async () => {
    const list = await buildPriceList(t.db, buyerId, { categoryIds: [f.categories.A.id], regionId: f.regions.moscow.id, inStockOnly: true });
    expect(list.regionName).toBe("Москва");
    expect(list.rows.map((r) => [r.sku, r.stock])).toEqual([["LEG-774401", 10]]);
  });

  it("shows a buyer without a company the public prices of the default region", async () => {
    const list = await buildPriceList(t.db, loneBuyerId, { categoryIds: [f.categories.B1.id] });
    expect(list.companyName).toBeNull();
    expect(list.regionName).toBe("Москва");
    expect(list.rows).toHaveLength(28);
    expect(list.rows.find((r) => r.sku === "GS-102502")?.priceMinor).toBe(15000);
  });
});

describe("GET /api/b2b/price-list", () => {
  it("returns an XLSX that reads back with the same rows and prices", async () => {
    const response = await download("buyer", `format=xlsx&categoryIds=${f.categories.A1.id}&locale=ru`, buyerId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="price-list-2026-12-03.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0]).toEqual(["Прайс-лист"]);
    expect(values[1]).toEqual(["Компания", "ООО Вектор"]);
    const header = values.findIndex((row) => row[0] === "Артикул");
    expect(values[header]).toEqual(["Артикул", "Наименование", "Бренд", "Раздел", "Ед.", "Ваша цена, RUB", "Базовая цена, RUB", "Остаток"]);
    const body = values.slice(header + 1);
    expect(body.map((row) => row[0]).sort()).toEqual(["LEG-774401", "LEG-782345", "SE-ATN000143"]);
    const p1 = body.find((row) => row[0] === "LEG-774401")!;
    expect(p1[2]).toBe("Legrand");
    expect(p1[4]).toBe("шт");
    expect(p1[5]).toBe(261);
    expect(p1[7]).toBe(0);
  });

  it("returns a PDF whose text holds the company, the SKUs and the prices", async () => {
    const response = await download("buyer", `format=pdf&categoryIds=${f.categories.A.id}&locale=ru`, buyerId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain("Прайс-лист");
    expect(text).toContain("ООО Вектор");
    expect(text).toContain("LEG-774401");
    expect(text).toContain("SE-ATN000143");
    expect(text).toMatch(/261,00/);
    expect(text).not.toContain("GS-102502");
  });

  it("names the field at fault for bad input", async () => {
    const cases: Array<[string, string]> = [
      [`format=doc&categoryIds=${f.categories.A.id}`, "format"],
      ["format=xlsx", "categoryIds"],
      ["format=xlsx&categoryIds=not-a-uuid", "categoryIds"],
      [`format=xlsx&categoryIds=${f.categories.A.id}&regionId=${crypto.randomUUID()}`, "regionId"],
      [`format=xlsx&categoryIds=${f.categories.A.id}&inStock=yes`, "inStock"],
    ];
    for (const [query, field] of cases) {
      const response = await download("buyer", query, buyerId);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error, query).toMatch(new RegExp(`^${field}:`));
    }
  });

  it("is for buyers only", async () => {
    const query = `format=xlsx&categoryIds=${f.categories.A.id}`;
    expect((await download(null, query)).status).toBe(401);
    for (const role of ["admin", "director", "head_manager", "manager", "call_center", "content_moderator", "supplier"] as const) {
      expect((await download(role, query)).status, role).toBe(403);
    }
  });
});
