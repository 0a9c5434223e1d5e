import { describe, expect, it } from "vitest";
import { buildContentDiff, type DisplayContent } from "@/server/domain/supplier-products/content-diff";
import { parseCsv } from "@/server/domain/supplier-products/import-file";
import { storeProductImage } from "@/server/domain/supplier-products/images";
import { checkImportRows, columnOfHeader, parsePriceMinor, type ImportContext } from "@/server/domain/supplier-products/import-rows";

const live: DisplayContent = { name: "Розетка", description: "Белая", brand: "Legrand", category: "Розетки", properties: { Цвет: "белый", IP: "IP20" }, images: ["/a.png", "/b.png"] };

describe("buildContentDiff", () => {
  it("marks only the changed fields, property by property, and the image set", () => {
    const diff = buildContentDiff(live, { ...live, name: "Розетка USB", properties: { Цвет: "белый", IP: "IP44", Мощность: "18 Вт" }, images: ["/b.png", "/c.png"] });
    const changed = diff.fields.filter((f) => f.changed).map((f) => f.label ?? f.field);
    expect(changed).toEqual(["name", "IP", "Мощность"]);
    expect(diff.fields.find((f) => f.label === "IP")).toMatchObject({ before: "IP20", after: "IP44" });
    expect(diff.images).toMatchObject({ added: ["/c.png"], removed: ["/a.png"], changed: true });
    expect(diff.changes).toBe(4);
  });

  it("lists a removed property with an empty new value", () => {
    const diff = buildContentDiff(live, { ...live, properties: { Цвет: "белый" } });
    expect(diff.fields.find((f) => f.label === "IP")).toMatchObject({ before: "IP20", after: null, changed: true });
  });

  it("treats a new product as all set fields changed, with no old side", () => {
    const diff = buildContentDiff(null, { ...live, description: null });
    expect(diff.fields.find((f) => f.field === "name")).toMatchObject({ before: null, after: "Розетка", changed: true });
    expect(diff.fields.find((f) => f.field === "description")?.changed).toBe(false);
    expect(diff.images.added).toEqual(["/a.png", "/b.png"]);
  });

  it("finds no changes in identical content", () => {
    expect(buildContentDiff(live, { ...live }).changes).toBe(0);
  });
});

describe("import rows", () => {
  const context: ImportContext = {
    categories: new Map([["розетки", "cat-1"]]),
    brands: new Map([["legrand", "brand-1"]]),
    warehouses: new Map([["w1", "wh-1"]]),
    defaultWarehouseId: "wh-1",
    ownSkus: new Map([["OWN-1", "prod-1"]]),
    foreignSkus: new Set(["THEIRS-1"]),
  };

  it("accepts a new row and an update of an own SKU without content", () => {
    const [created, updated] = checkImportRows(
      [
        { sku: "NEW-1", name: "Новая", category: "Розетки", price: "1 234,50", stock: "10" },
        { sku: "OWN-1", price: "99", stock: "3", warehouse: "W1" },
      ],
      context,
    );
    expect(created).toMatchObject({ line: 2, action: "create", categoryId: "cat-1", priceMinor: 123450, stock: 10, warehouseId: "wh-1", errors: [] });
    expect(updated).toMatchObject({ line: 3, action: "update", productId: "prod-1", priceMinor: 9900, errors: [] });
  });

  it("names every error of a row", () => {
    const rows = checkImportRows(
      [
        { sku: "", name: "x" },
        { sku: "A-1", name: "", category: "Нет такой", price: "abc", stock: "-1", brand: "nobody", warehouse: "zz" },
        { sku: "THEIRS-1", name: "Чужой", category: "Розетки" },
        { sku: "DUP", name: "a", category: "Розетки" },
        { sku: "dup", name: "b", category: "Розетки" },
        { sku: "B 2", name: "b" },
      ],
      context,
    );
    expect(rows[0]!.errors).toContain("missing_sku");
    expect(rows[1]!.errors).toEqual(["missing_name", "unknown_category", "unknown_brand", "bad_price", "bad_stock", "unknown_warehouse"]);
    expect(rows[2]!.errors).toEqual(["foreign_sku"]);
    expect(rows[3]!.action).toBe("create");
    expect(rows[4]!.errors).toEqual(["duplicate_sku"]);
    expect(rows[5]!.errors).toEqual(["bad_sku", "missing_category"]);
    expect(rows.every((r, i) => i === 3 || r.action === "error")).toBe(true);
  });

  it("reads prices and headers in both languages", () => {
    expect(parsePriceMinor("10")).toBe(1000);
    expect(parsePriceMinor("")).toBeNull();
    expect(parsePriceMinor("1.234")).toBeNaN();
    expect(columnOfHeader("Артикул")).toBe("sku");
    expect(columnOfHeader("Price, RUB")).toBe("price");
    expect(columnOfHeader("whatever")).toBeNull();
  });

  it("parses CSV with ; and quotes", () => {
    expect(parseCsv('\uFEFFsku;name\r\nA;"Розетка; ""белая"""\nB;x')).toEqual([
      ["sku", "name"],
      ["A", 'Розетка; "белая"'],
      ["B", "x"],
    ]);
  });
});

describe("storeProductImage", () => {
  const stored = new Map<string, Uint8Array>();
  const storage = {
    put: async (area: string, fileName: string, bytes: Uint8Array) => {
      const key = `${area}/00000000-0000-0000-0000-00000000000${stored.size}/${fileName}`;
      stored.set(key, bytes);
      return key;
    },
    get: async () => null,
    remove: async () => {},
  };
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

  it("stores a PNG by its bytes and returns the media URL", async () => {
    const { url } = await storeProductImage(storage, png);
    expect(url).toBe("/api/media/product-images/00000000-0000-0000-0000-000000000000/image.png");
  });

  it("refuses what is not an image, whatever its name", async () => {
    await expect(storeProductImage(storage, Buffer.from("<svg onload=alert(1)>"))).rejects.toMatchObject({ code: "BAD_INPUT", field: "file" });
    await expect(storeProductImage(storage, Buffer.alloc(0))).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});
