import { and, inArray, ne, sql } from "drizzle-orm";
import { productCategories, productProperties, products, productVariants, type PRODUCT_STATUSES } from "../../../db/schema";
import { child, children, textOf, type XmlNode } from "../../integrations/commerceml/xml-stream";
import type { ClassifierMaps } from "./import-classifier";
import { decimalText, slugFor, type ImportContext } from "./import-context";

export const BATCH_SIZE = 1000;

export function catalogSelector(path: readonly string[]): string | null {
  const name = path[path.length - 1];
  return name === "Товар" && path[path.length - 2] === "Товары" && path.includes("Каталог") ? "product" : null;
}

interface ParsedProduct {
  erpId: string;
  sku: string;
  name: string;
  description: string | null;
  barcode: string | null;
  status: (typeof PRODUCT_STATUSES)[number];
  groupErpIds: string[];
  properties: { kindErpId: string; value: string }[];
}

function parseProduct(node: XmlNode): ParsedProduct | null {
  const erpId = textOf(node, "Ид");
  if (!erpId) return null;
  const deleted = node.attrs["Статус"] === "Удален" || textOf(node, "Статус") === "Удален" || textOf(node, "ПометкаУдаления") === "true";
  return {
    erpId,
    sku: textOf(node, "Артикул") || erpId,
    name: textOf(node, "Наименование") || erpId,
    description: textOf(node, "Описание") || null,
    barcode: textOf(node, "Штрихкод") || null,
    status: deleted ? "archived" : "published",
    groupErpIds: children(child(node, "Группы"), "Ид").map((g) => g.text).filter(Boolean),
    properties: children(child(node, "ЗначенияСвойств"), "ЗначенияСвойства")
      .map((p) => ({ kindErpId: textOf(p, "Ид"), value: textOf(p, "Значение") }))
      .filter((p) => p.kindErpId && p.value),
  };
}

/**
 * Products of a catalog file, a batch at a time: upserted on the 1C id (a re-import updates,
 * never duplicates; unchanged rows are not rewritten), each with its default variant, its
 * sections (direct and ancestors) and its property values.
 */
export class CatalogBatcher {
  private pending: ParsedProduct[] = [];
  constructor(
    private readonly ctx: ImportContext,
    private readonly maps: ClassifierMaps,
  ) {}

  async add(node: XmlNode): Promise<void> {
    const parsed = parseProduct(node);
    if (!parsed) {
      this.ctx.log({ category: "catalog", entity: "product", externalId: null, label: textOf(node, "Наименование") || null, status: "error", message: "Товар без Ид" });
      return;
    }
    this.pending.push(parsed);
    if (this.pending.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = [...new Map(this.pending.map((p) => [p.erpId, p])).values()];
    this.pending = [];
    const { tx } = this.ctx;
    const counts = this.ctx.count("catalog");
    counts.total += batch.length;

    // SKUs must be unique: an article repeated in the batch or held by another product gets the id's start.
    const taken = await tx
      .select({ sku: products.sku, erpId: products.erpId })
      .from(products)
      .where(inArray(products.sku, batch.map((p) => p.sku)));
    const owner = new Map(taken.map((t) => [t.sku, t.erpId]));
    const seen = new Set<string>();
    for (const p of batch) {
      const holder = owner.get(p.sku);
      if (seen.has(p.sku) || (holder !== undefined && holder !== p.erpId)) p.sku = `${p.sku}-${p.erpId.slice(0, 8)}`;
      seen.add(p.sku);
    }

    const rows = batch.map((p) => {
      const main = p.groupErpIds.map((g) => this.maps.categories.get(g)).find(Boolean);
      return {
        erpId: p.erpId, sku: p.sku, name: p.name, slug: slugFor(p.name, p.erpId), description: p.description, barcode: p.barcode,
        status: p.status, mainCategoryId: main?.id ?? null,
      };
    });
    const written = await tx
      .insert(products)
      .values(rows)
      .onConflictDoUpdate({
        target: products.erpId,
        set: {
          sku: sql`excluded.sku`, name: sql`excluded.name`, description: sql`excluded.description`, barcode: sql`excluded.barcode`,
          status: sql`excluded.status`, mainCategoryId: sql`excluded.main_category_id`, updatedAt: sql`now()`,
        },
        setWhere: sql`(${products.sku}, ${products.name}, ${products.description}, ${products.barcode}, ${products.status}, ${products.mainCategoryId}) is distinct from (excluded.sku, excluded.name, excluded.description, excluded.barcode, excluded.status, excluded.main_category_id)`,
      })
      .returning({ id: products.id, erpId: products.erpId, inserted: sql<boolean>`(xmax = 0)` });
    const ids = new Map<string, string>();
    for (const w of written) {
      ids.set(w.erpId!, w.id);
      if (w.inserted) counts.created += 1;
      else counts.updated += 1;
    }
    const unchanged = batch.filter((p) => !ids.has(p.erpId)).map((p) => p.erpId);
    if (unchanged.length > 0) {
      const found = await tx.select({ id: products.id, erpId: products.erpId }).from(products).where(inArray(products.erpId, unchanged));
      for (const f of found) ids.set(f.erpId!, f.id);
    }
    const productIds = [...ids.values()];

    // The default variant (the offer without a characteristic) carries the product's 1C id.
    await tx
      .insert(productVariants)
      .values(batch.map((p) => ({ productId: ids.get(p.erpId)!, erpId: p.erpId, sku: p.sku, name: p.name, isDefault: true })))
      .onConflictDoUpdate({
        target: productVariants.erpId,
        set: { sku: sql`excluded.sku`, name: sql`excluded.name` },
        setWhere: sql`(${productVariants.sku}, ${productVariants.name}) is distinct from (excluded.sku, excluded.name)`,
      });

    const sections = new Map<string, { categoryId: string; productId: string; isDirect: boolean }>();
    for (const p of batch) {
      const productId = ids.get(p.erpId)!;
      for (const g of p.groupErpIds) {
        const category = this.maps.categories.get(g);
        if (!category) {
          this.ctx.log({ category: "catalog", entity: "product", externalId: p.erpId, label: p.name, status: "error", message: `Неизвестная группа ${g}` });
          continue;
        }
        for (const ancestor of category.path.split("/").filter(Boolean)) {
          const key = `${ancestor}:${productId}`;
          const isDirect = ancestor === category.id;
          const prev = sections.get(key);
          sections.set(key, { categoryId: ancestor, productId, isDirect: isDirect || (prev?.isDirect ?? false) });
        }
      }
    }
    const sectionRows = [...sections.values()];
    const wantedKeys = sectionRows.map((r) => `${r.categoryId}:${r.productId}`);
    await tx
      .delete(productCategories)
      .where(
        and(
          inArray(productCategories.productId, productIds),
          wantedKeys.length > 0 ? ne(sql`${productCategories.categoryId}::text || ':' || ${productCategories.productId}::text`, sql`all(${toTextArray(wantedKeys)})`) : sql`true`,
        ),
      );
    if (sectionRows.length > 0) {
      await tx
        .insert(productCategories)
        .values(sectionRows)
        .onConflictDoUpdate({
          target: [productCategories.categoryId, productCategories.productId],
          set: { isDirect: sql`excluded.is_direct` },
          setWhere: sql`${productCategories.isDirect} is distinct from excluded.is_direct`,
        });
    }

    const propertyRows: (typeof productProperties.$inferInsert)[] = [];
    for (const p of batch) {
      const productId = ids.get(p.erpId)!;
      const byKind = new Map<string, typeof productProperties.$inferInsert>();
      for (const prop of p.properties) {
        const kind = this.maps.kinds.get(prop.kindErpId);
        if (!kind) continue;
        const row: typeof productProperties.$inferInsert = { productId, kindId: kind.id, valueId: null, numberValue: null, boolValue: null, textValue: null };
        if (kind.type === "enum") {
          const valueId = this.maps.values.get(prop.value);
          if (!valueId) continue;
          row.valueId = valueId;
        } else if (kind.type === "number") row.numberValue = decimalText(prop.value);
        else if (kind.type === "boolean") row.boolValue = prop.value === "true" || prop.value === "Да";
        else row.textValue = prop.value;
        byKind.set(kind.id, row);
      }
      propertyRows.push(...byKind.values());
    }
    await tx.delete(productProperties).where(inArray(productProperties.productId, productIds));
    for (let i = 0; i < propertyRows.length; i += 5000) await tx.insert(productProperties).values(propertyRows.slice(i, i + 5000));
  }
}

function toTextArray(values: string[]) {
  return sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}
