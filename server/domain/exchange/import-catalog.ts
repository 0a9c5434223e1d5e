import { sql } from "drizzle-orm";
import { rowsOf } from "../../../db/client";
import { products, type PRODUCT_STATUSES } from "../../../db/schema";
import { jsonRecords, jsonTextArray } from "./bulk-sql";
import { child, children, textOf, type XmlNode } from "../../integrations/commerceml/xml-stream";
import type { ClassifierMaps } from "./import-classifier";
import { decimalText, slugFor, type ImportContext } from "./import-context";
import { PipelinedBatches } from "./pipelined-batches";

export function catalogSelector(path: readonly string[]): string | null {
  const name = path[path.length - 1];
  return name === "Товар" && path[path.length - 2] === "Товары" && path.includes("Каталог") ? "product" : null;
}

interface PropertyRow {
  product_id: string;
  kind_id: string;
  value_id: string | null;
  number_value: string | null;
  bool_value: boolean | null;
  text_value: string | null;
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
export class CatalogBatcher extends PipelinedBatches<ParsedProduct> {
  constructor(
    private readonly ctx: ImportContext,
    private readonly maps: ClassifierMaps,
  ) {
    super();
  }

  async add(node: XmlNode): Promise<void> {
    const parsed = parseProduct(node);
    if (!parsed) {
      this.ctx.log({ category: "catalog", entity: "product", externalId: null, label: textOf(node, "Наименование") || null, status: "error", message: "Товар без Ид" });
      return;
    }
    await this.push(parsed);
  }

  protected async writeBatch(batch: ParsedProduct[]): Promise<void> {
    const { tx } = this.ctx;
    const counts = this.ctx.count("catalog");
    counts.total += batch.length;

    // SKUs must be unique: an article repeated in the batch or held by another product gets the id's start.
    const taken = await tx.select({ sku: products.sku, erpId: products.erpId }).from(products).where(sql`${products.sku} = any(${jsonTextArray(batch.map((p) => p.sku))})`);
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
        erp_id: p.erpId, sku: p.sku, name: p.name, slug: slugFor(p.name, p.erpId), description: p.description, barcode: p.barcode,
        status: p.status, main_category_id: main?.id ?? null,
      };
    });
    const written = rowsOf<{ id: string; erp_id: string; inserted: boolean }>(
      await tx.execute(sql`
        insert into products (erp_id, sku, name, slug, description, barcode, status, main_category_id)
        select r.erp_id, r.sku, r.name, r.slug, r.description, r.barcode, r.status::product_status, r.main_category_id
        from ${jsonRecords(rows, "erp_id text, sku text, name text, slug text, description text, barcode text, status text, main_category_id uuid")}
        on conflict (erp_id) do update set sku = excluded.sku, name = excluded.name, description = excluded.description, barcode = excluded.barcode,
          status = excluded.status, main_category_id = excluded.main_category_id, updated_at = now()
        where (products.sku, products.name, products.description, products.barcode, products.status, products.main_category_id)
          is distinct from (excluded.sku, excluded.name, excluded.description, excluded.barcode, excluded.status, excluded.main_category_id)
        returning id, erp_id, (xmax = 0) as inserted`),
    );
    const ids = new Map<string, string>();
    for (const w of written) {
      ids.set(w.erp_id, w.id);
      if (w.inserted) counts.created += 1;
      else counts.updated += 1;
    }
    const unchanged = batch.filter((p) => !ids.has(p.erpId)).map((p) => p.erpId);
    if (unchanged.length > 0) {
      const found = rowsOf<{ id: string; erp_id: string }>(await tx.execute(sql`select id, erp_id from products where erp_id = any(${jsonTextArray(unchanged)})`));
      for (const f of found) ids.set(f.erp_id, f.id);
    }
    const productIds = [...ids.values()];

    // The default variant (the offer without a characteristic) carries the product's 1C id.
    const variantRows = batch.map((p) => ({ product_id: ids.get(p.erpId)!, erp_id: p.erpId, sku: p.sku, name: p.name }));
    await tx.execute(sql`
      insert into product_variants (product_id, erp_id, sku, name, is_default)
      select r.product_id, r.erp_id, r.sku, r.name, true from ${jsonRecords(variantRows, "product_id uuid, erp_id text, sku text, name text")}
      on conflict (erp_id) do update set sku = excluded.sku, name = excluded.name
      where (product_variants.sku, product_variants.name) is distinct from (excluded.sku, excluded.name)`);

    const sections = new Map<string, { category_id: string; product_id: string; is_direct: boolean }>();
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
          sections.set(key, { category_id: ancestor, product_id: productId, is_direct: isDirect || (prev?.is_direct ?? false) });
        }
      }
    }
    // Sections and properties: rows that no longer match go, missing ones come; equal ones stay untouched.
    const sectionJson = jsonRecords([...sections.values()], "category_id uuid, product_id uuid, is_direct boolean");
    await tx.execute(sql`
      delete from product_categories pc where pc.product_id = any(${uuidList(productIds)})
      and not exists (select 1 from ${sectionJson} where r.category_id = pc.category_id and r.product_id = pc.product_id and r.is_direct = pc.is_direct)`);
    await tx.execute(sql`insert into product_categories (category_id, product_id, is_direct) select r.category_id, r.product_id, r.is_direct from ${sectionJson} on conflict do nothing`);

    const propertyRows: PropertyRow[] = [];
    for (const p of batch) {
      const productId = ids.get(p.erpId)!;
      const byKind = new Map<string, PropertyRow>();
      for (const prop of p.properties) {
        const kind = this.maps.kinds.get(prop.kindErpId);
        if (!kind) continue;
        const row: PropertyRow = { product_id: productId, kind_id: kind.id, value_id: null, number_value: null, bool_value: null, text_value: null };
        if (kind.type === "enum") {
          const valueId = this.maps.values.get(prop.value);
          if (!valueId) continue;
          row.value_id = valueId;
        } else if (kind.type === "number") row.number_value = decimalText(prop.value);
        else if (kind.type === "boolean") row.bool_value = prop.value === "true" || prop.value === "Да";
        else row.text_value = prop.value;
        byKind.set(kind.id, row);
      }
      propertyRows.push(...byKind.values());
    }
    const propertyJson = jsonRecords(propertyRows, "product_id uuid, kind_id uuid, value_id uuid, number_value numeric, bool_value boolean, text_value text");
    await tx.execute(sql`
      delete from product_properties pp where pp.product_id = any(${uuidList(productIds)})
      and not exists (select 1 from ${propertyJson} where r.product_id = pp.product_id and r.kind_id = pp.kind_id
        and (r.value_id, r.number_value, r.bool_value, r.text_value) is not distinct from (pp.value_id, pp.number_value, pp.bool_value, pp.text_value))`);
    await tx.execute(sql`
      insert into product_properties (product_id, kind_id, value_id, number_value, bool_value, text_value)
      select r.product_id, r.kind_id, r.value_id, r.number_value, r.bool_value, r.text_value from ${propertyJson} on conflict do nothing`);
  }
}

function uuidList(ids: readonly string[]) {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
