import type { Db } from "@/db/client";
import {
  brands, catalogDocuments, categories, prices, priceTypes, productCategories, productDocuments, productImages, productProperties, productRelations, products,
  productUnits, productVariants, propertyKinds, propertyValues, regions, stock, warehouses, type Badge,
} from "@/db/schema";

/**
 * A small hand-made catalog whose every count is known:
 *   A Электроустановочные изделия → A1 Розетки → A1a Розетки скрытой установки
 *   B Освещение → B1 Лампы (2 named lamps + 26 fillers, for paging)
 * P1–P3 are sockets (A), P4/P5 lamps (B), P6 a draft that no buyer may see.
 */
export async function createCatalogFixture(db: Db) {
  const [retail, wholesale] = await db
    .insert(priceTypes)
    .values([
      { code: "retail", name: "Розница", rank: 0, isDefault: true },
      { code: "wholesale", name: "Опт", rank: 2 },
    ])
    .returning();
  const [moscow, spb] = await db
    .insert(regions)
    .values([
      { code: "moscow", name: "Москва", isDefault: true },
      { code: "spb", name: "Санкт-Петербург" },
    ])
    .returning();
  const [w1, w2] = await db
    .insert(warehouses)
    .values([
      { code: "w1", name: "Москва Южный", regionId: moscow!.id },
      { code: "w2", name: "СПб Парнас", regionId: spb!.id },
    ])
    .returning();

  const [legrand, schneider, gauss] = await db
    .insert(brands)
    .values([
      { name: "Legrand", slug: "legrand" },
      { name: "Schneider Electric", slug: "schneider" },
      { name: "Gauss", slug: "gauss" },
    ])
    .returning();

  const cat = async (name: string, slug: string, parent?: { id: string; path: string; depth: number }) => {
    const id = crypto.randomUUID();
    const [row] = await db
      .insert(categories)
      .values({ id, name, slug, parentId: parent?.id ?? null, path: `${parent?.path ?? "/"}${id}/`, depth: parent ? parent.depth + 1 : 0 })
      .returning();
    return row!;
  };
  const A = await cat("Электроустановочные изделия", "wiring");
  const A1 = await cat("Розетки", "sockets", A);
  const A1a = await cat("Розетки скрытой установки", "sockets-flush", A1);
  const B = await cat("Освещение", "lighting");
  const B1 = await cat("Лампы", "lamps", B);

  const [color, ip, power, cert] = await db
    .insert(propertyKinds)
    .values([
      { code: "color", name: "Цвет", type: "enum", sort: 1 },
      { code: "ip", name: "Степень защиты", type: "enum", sort: 2 },
      { code: "power", name: "Мощность", type: "number", unit: "Вт", sort: 3 },
      { code: "cert", name: "Сертификат", type: "text", isFilterable: false, sort: 4 },
    ])
    .returning();
  const [white, black, ip20, ip44] = await db
    .insert(propertyValues)
    .values([
      { kindId: color!.id, value: "белый", sort: 1 },
      { kindId: color!.id, value: "чёрный", sort: 2 },
      { kindId: ip!.id, value: "IP20", sort: 1 },
      { kindId: ip!.id, value: "IP44", sort: 2 },
    ])
    .returning();

  let day = 100;
  const product = async (p: {
    sku: string;
    name: string;
    brandId: string;
    cats: Array<{ id: string; path: string }>;
    retail: number;
    stock: Array<[string, number]>;
    props?: Array<{ kindId: string; valueId?: string; numberValue?: string; textValue?: string }>;
    badges?: Badge[];
    status?: "published" | "draft";
    sales?: number;
    units?: Array<{ unit: string; ratio: string; minQty: string; multiple: string; isDefault: boolean }>;
  }) => {
    day -= 1;
    const createdAt = new Date(Date.UTC(2026, 0, 1) + (100 - day) * 86_400_000);
    const [row] = await db
      .insert(products)
      .values({
        sku: p.sku,
        name: p.name,
        slug: p.sku.toLowerCase(),
        brandId: p.brandId,
        mainCategoryId: p.cats[0]!.id,
        status: p.status ?? "published",
        badges: p.badges ?? [],
        salesCount: p.sales ?? 0,
        description: `${p.name}: описание для покупателя.`,
        createdAt,
      })
      .returning();
    const ids = new Set<string>();
    const direct = new Set(p.cats.map((c) => c.id));
    for (const c of p.cats) for (const id of c.path.split("/").filter(Boolean)) ids.add(id);
    await db.insert(productCategories).values([...ids].map((categoryId) => ({ categoryId, productId: row!.id, isDirect: direct.has(categoryId) })));
    const [variant] = await db.insert(productVariants).values({ productId: row!.id, sku: p.sku, name: p.name, isDefault: true }).returning();
    await db.insert(prices).values([
      { variantId: variant!.id, priceTypeId: retail!.id, amountMinor: p.retail, currency: "RUB" },
      { variantId: variant!.id, priceTypeId: wholesale!.id, amountMinor: Math.round(p.retail * 0.87), currency: "RUB" },
    ]);
    if (p.stock.length) await db.insert(stock).values(p.stock.map(([warehouseId, quantity]) => ({ variantId: variant!.id, warehouseId, quantity: String(quantity) })));
    if (p.props?.length) await db.insert(productProperties).values(p.props.map((x) => ({ productId: row!.id, ...x })));
    await db.insert(productUnits).values((p.units ?? [{ unit: "pcs", ratio: "1", minQty: "1", multiple: "1", isDefault: true }]).map((u) => ({ ...u, productId: row!.id })));
    await db.insert(productImages).values({ productId: row!.id, url: "/media/catalog/wiring-devices-1.svg", sort: 0 });
    return { ...row!, variantId: variant!.id };
  };

  const P1 = await product({
    sku: "LEG-774401", name: "Розетка Legrand Valena белая", brandId: legrand!.id, cats: [A1a], retail: 30000, stock: [[w1!.id, 10]], sales: 50,
    props: [{ kindId: color!.id, valueId: white!.id }, { kindId: ip!.id, valueId: ip20!.id }, { kindId: cert!.id, textValue: "ТР ТС 004/2011" }],
    units: [
      { unit: "pcs", ratio: "1", minQty: "5", multiple: "5", isDefault: true },
      { unit: "pack", ratio: "10", minQty: "1", multiple: "1", isDefault: false },
    ],
  });
  const P2 = await product({
    sku: "SE-ATN000143", name: "Розетка Schneider Electric AtlasDesign чёрная", brandId: schneider!.id, cats: [A1a], retail: 25000, stock: [[w2!.id, 5]], sales: 80,
    props: [{ kindId: color!.id, valueId: black!.id }, { kindId: ip!.id, valueId: ip44!.id }],
  });
  const P3 = await product({
    sku: "LEG-782345", name: "Розетка влагозащищённая Legrand Plexo белая", brandId: legrand!.id, cats: [A1], retail: 50000, stock: [[w1!.id, 0]], sales: 10,
    props: [{ kindId: color!.id, valueId: white!.id }, { kindId: ip!.id, valueId: ip44!.id }], badges: ["sale"],
  });
  const P4 = await product({ sku: "GS-102502", name: "Лампа светодиодная Gauss 10Вт E27", brandId: gauss!.id, cats: [B1], retail: 15000, stock: [[w1!.id, 100]], props: [{ kindId: power!.id, numberValue: "10" }], badges: ["new"], sales: 5 });
  const P5 = await product({ sku: "GS-102503", name: "Лампа светодиодная Gauss 15Вт E27", brandId: gauss!.id, cats: [B1], retail: 18000, stock: [[w1!.id, 100]], props: [{ kindId: power!.id, numberValue: "15" }], badges: ["hit"], sales: 4 });
  const P6 = await product({ sku: "LEG-000001", name: "Розетка черновик Legrand", brandId: legrand!.id, cats: [A1a], retail: 1000, stock: [], status: "draft" });
  for (let i = 0; i < 26; i += 1) {
    await product({ sku: `GS-9${String(i).padStart(4, "0")}`, name: `Лампа накаливания Gauss ${40 + i}Вт`, brandId: gauss!.id, cats: [B1], retail: 5000 + i * 100, stock: [], sales: 0 });
  }

  const [doc] = await db.insert(catalogDocuments).values({ title: "Сертификат Legrand", kind: "certificate", fileName: "certificate-legrand.pdf", storageKey: "/media/catalog/docs/declaration-legrand.pdf", sizeBytes: 700 }).returning();
  await db.insert(productDocuments).values([{ documentId: doc!.id, productId: P1.id }, { documentId: doc!.id, productId: P3.id }]);
  await db.insert(productRelations).values([
    { productId: P1.id, relatedId: P3.id, sort: 0 },
    { productId: P1.id, relatedId: P2.id, sort: 1 },
    { productId: P1.id, relatedId: P6.id, sort: 2 },
  ]);

  return {
    priceTypes: { retail: retail!, wholesale: wholesale! },
    regions: { moscow: moscow!, spb: spb! },
    warehouses: { w1: w1!, w2: w2! },
    brands: { legrand: legrand!, schneider: schneider!, gauss: gauss! },
    categories: { A, A1, A1a, B, B1 },
    kinds: { color: color!, ip: ip!, power: power!, cert: cert! },
    values: { white: white!, black: black!, ip20: ip20!, ip44: ip44! },
    products: { P1, P2, P3, P4, P5, P6 },
  };
}
export type CatalogFixture = Awaited<ReturnType<typeof createCatalogFixture>>;
