/**
 * The import file's rows checked against the catalog, without touching the database: the
 * context says which categories, brands, warehouses and SKUs exist and whose the SKUs are.
 */
export const IMPORT_COLUMNS = ["sku", "name", "category", "brand", "description", "price", "stock", "warehouse"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export type RawImportRow = Partial<Record<ImportColumn, string>>;

/** Header names accepted per column (English and Russian, any case). */
const HEADER_ALIASES: Record<ImportColumn, string[]> = {
  sku: ["sku", "артикул"],
  name: ["name", "название", "наименование"],
  category: ["category", "категория", "раздел"],
  brand: ["brand", "бренд", "производитель"],
  description: ["description", "описание"],
  price: ["price", "цена"],
  stock: ["stock", "остаток", "количество"],
  warehouse: ["warehouse", "склад"],
};

export function columnOfHeader(header: string): ImportColumn | null {
  const h = header.trim().toLowerCase().replace(/,.*$/, "").trim();
  for (const column of IMPORT_COLUMNS) if (HEADER_ALIASES[column].includes(h)) return column;
  return null;
}

export type ImportErrorCode =
  | "missing_sku"
  | "bad_sku"
  | "missing_name"
  | "missing_category"
  | "unknown_category"
  | "unknown_brand"
  | "bad_price"
  | "bad_stock"
  | "unknown_warehouse"
  | "duplicate_sku"
  | "foreign_sku";

export interface ImportContext {
  /** Lower-cased category name or slug → id. */
  categories: Map<string, string>;
  brands: Map<string, string>;
  /** Lower-cased warehouse code or name → id; the first entry of `defaultWarehouseId` when the column is empty. */
  warehouses: Map<string, string>;
  defaultWarehouseId: string | null;
  /** SKU → product id of this supplier's products. */
  ownSkus: Map<string, string>;
  /** SKUs of other suppliers' and the operator's products. */
  foreignSkus: Set<string>;
}

export interface CheckedImportRow {
  /** The line in the file (the header is line 1). */
  line: number;
  sku: string;
  name: string | null;
  action: "create" | "update" | "error";
  errors: ImportErrorCode[];
  productId: string | null;
  categoryId: string | null;
  brandId: string | null;
  description: string | null;
  priceMinor: number | null;
  stock: number | null;
  warehouseId: string | null;
}

const SKU = /^[\p{L}\p{N}._\-/]{1,64}$/u;

/** "1 234,50" → 123450; null for an empty cell; NaN for what is not a price. */
export function parsePriceMinor(raw: string | undefined): number | null {
  const text = (raw ?? "").replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (text === "") return null;
  if (!/^\d{1,11}(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 100);
}

export function parseStock(raw: string | undefined): number | null {
  const text = (raw ?? "").replace(/[\s\u00a0]/g, "").replace(",", ".");
  if (text === "") return null;
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(text)) return Number.NaN;
  return Number(text);
}

export function checkImportRows(rows: readonly RawImportRow[], context: ImportContext): CheckedImportRow[] {
  const seen = new Set<string>();
  return rows.map((raw, index) => {
    const errors: ImportErrorCode[] = [];
    const sku = (raw.sku ?? "").trim();
    const name = (raw.name ?? "").trim() || null;
    const description = (raw.description ?? "").trim() || null;
    const categoryText = (raw.category ?? "").trim().toLowerCase();
    const brandText = (raw.brand ?? "").trim().toLowerCase();
    const warehouseText = (raw.warehouse ?? "").trim().toLowerCase();
    if (!sku) errors.push("missing_sku");
    else if (!SKU.test(sku)) errors.push("bad_sku");
    else if (seen.has(sku.toLowerCase())) errors.push("duplicate_sku");
    if (sku) seen.add(sku.toLowerCase());
    const ownId = context.ownSkus.get(sku) ?? null;
    if (sku && !ownId && context.foreignSkus.has(sku)) errors.push("foreign_sku");
    const isNew = !ownId;
    if (isNew && !name) errors.push("missing_name");
    const categoryId = categoryText ? (context.categories.get(categoryText) ?? null) : null;
    if (categoryText && !categoryId) errors.push("unknown_category");
    if (isNew && !categoryText) errors.push("missing_category");
    const brandId = brandText ? (context.brands.get(brandText) ?? null) : null;
    if (brandText && !brandId) errors.push("unknown_brand");
    const priceMinor = parsePriceMinor(raw.price);
    if (Number.isNaN(priceMinor)) errors.push("bad_price");
    const stock = parseStock(raw.stock);
    if (Number.isNaN(stock)) errors.push("bad_stock");
    const warehouseId = warehouseText ? (context.warehouses.get(warehouseText) ?? null) : context.defaultWarehouseId;
    if (warehouseText && !warehouseId) errors.push("unknown_warehouse");
    return {
      line: index + 2,
      sku,
      name,
      action: errors.length ? "error" : isNew ? "create" : "update",
      errors,
      productId: ownId,
      categoryId,
      brandId,
      description,
      priceMinor: Number.isNaN(priceMinor) ? null : priceMinor,
      stock: Number.isNaN(stock) ? null : stock,
      warehouseId,
    };
  });
}
