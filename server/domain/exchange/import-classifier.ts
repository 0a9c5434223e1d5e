import { randomUUID } from "node:crypto";
import { eq, inArray, isNotNull, sql } from "drizzle-orm";
import { categories, propertyKinds, propertyValues, type PROPERTY_TYPES } from "../../../db/schema";
import { children, STOP, textOf, type Collected, type XmlNode } from "../../integrations/commerceml/xml-stream";
import { counterpartySelector, importCounterparty } from "./import-counterparties";
import { chunks, slugFor, type ImportContext } from "./import-context";

interface GroupRow {
  erpId: string;
  name: string;
  parentErpId: string | null;
  depth: number;
  sort: number;
}

function flattenGroups(groups: XmlNode, parentErpId: string | null, depth: number, out: GroupRow[]): void {
  children(groups, "Группа").forEach((group, sort) => {
    const erpId = textOf(group, "Ид");
    if (!erpId) return;
    out.push({ erpId, name: textOf(group, "Наименование") || erpId, parentErpId, depth, sort });
    for (const nested of children(group, "Группы")) flattenGroups(nested, erpId, depth + 1, out);
  });
}

/** Groups (a nested tree) → categories, matched on the 1C id; paths rebuilt from the root. */
export async function importGroups(ctx: ImportContext, groups: XmlNode): Promise<void> {
  const rows: GroupRow[] = [];
  flattenGroups(groups, null, 0, rows);
  if (rows.length === 0) return;
  const counts = ctx.count("catalog");
  counts.total += rows.length;
  const existing = new Map<string, string>();
  for (const part of chunks(rows, 1000)) {
    const found = await ctx.tx
      .select({ id: categories.id, erpId: categories.erpId })
      .from(categories)
      .where(inArray(categories.erpId, part.map((r) => r.erpId)));
    for (const f of found) if (f.erpId) existing.set(f.erpId, f.id);
  }
  const ids = new Map(rows.map((r) => [r.erpId, existing.get(r.erpId) ?? randomUUID()]));
  const paths = new Map<string, string>();
  // Rows come parents first (depth-first flattening), so a parent's path is known before its children.
  const values = rows.map((r) => {
    const id = ids.get(r.erpId)!;
    const parentPath = r.parentErpId ? (paths.get(r.parentErpId) ?? "/") : "/";
    const path = `${parentPath}${id}/`;
    paths.set(r.erpId, path);
    return { id, erpId: r.erpId, name: r.name, slug: slugFor(r.name, r.erpId), parentId: r.parentErpId ? ids.get(r.parentErpId)! : null, path, depth: r.depth, sort: r.sort };
  });
  values.sort((a, b) => a.depth - b.depth);
  for (const part of chunks(values, 1000)) {
    const written = await ctx.tx
      .insert(categories)
      .values(part)
      .onConflictDoUpdate({
        target: categories.erpId,
        set: { name: sql`excluded.name`, parentId: sql`excluded.parent_id`, path: sql`excluded.path`, depth: sql`excluded.depth`, sort: sql`excluded.sort` },
        setWhere: sql`(${categories.name}, ${categories.parentId}, ${categories.path}, ${categories.depth}, ${categories.sort}) is distinct from (excluded.name, excluded.parent_id, excluded.path, excluded.depth, excluded.sort)`,
      })
      .returning({ erpId: categories.erpId });
    for (const w of written) {
      if (w.erpId && existing.has(w.erpId)) counts.updated += 1;
      else counts.created += 1;
    }
  }
}

type PropertyType = (typeof PROPERTY_TYPES)[number];
const TYPE_BY_1C: Record<string, PropertyType> = { Справочник: "enum", Число: "number", Булево: "boolean", Строка: "text" };

/** A property with its reference values (Справочник) → a property kind and its options. */
export async function importProperty(ctx: ImportContext, property: XmlNode): Promise<void> {
  const erpId = textOf(property, "Ид");
  if (!erpId) return;
  const name = textOf(property, "Наименование") || erpId;
  const type = TYPE_BY_1C[textOf(property, "ТипЗначений")] ?? "text";
  const counts = ctx.count("catalog");
  counts.total += 1;
  const [written] = await ctx.tx
    .insert(propertyKinds)
    .values({ erpId, code: slugFor(name, erpId), name, type })
    .onConflictDoUpdate({
      target: propertyKinds.erpId,
      set: { name, type },
      setWhere: sql`(${propertyKinds.name}, ${propertyKinds.type}) is distinct from (excluded.name, excluded.type)`,
    })
    .returning({ id: propertyKinds.id, inserted: sql<boolean>`(xmax = 0)` });
  if (written) {
    if (written.inserted) counts.created += 1;
    else counts.updated += 1;
  }
  const kind = written ?? (await ctx.tx.select({ id: propertyKinds.id }).from(propertyKinds).where(eq(propertyKinds.erpId, erpId)))[0];
  const variants = children(children(property, "ВариантыЗначений")[0], "Справочник");
  const options = variants
    .map((v, sort) => ({ kindId: kind!.id, erpId: textOf(v, "ИдЗначения"), value: textOf(v, "Значение"), sort }))
    .filter((o) => o.erpId && o.value);
  const unique = [...new Map(options.map((o) => [o.value, o])).values()];
  for (const part of chunks(unique, 1000)) {
    await ctx.tx
      .insert(propertyValues)
      .values(part)
      .onConflictDoUpdate({
        target: [propertyValues.kindId, propertyValues.value],
        set: { erpId: sql`excluded.erp_id`, sort: sql`excluded.sort` },
        setWhere: sql`(${propertyValues.erpId}, ${propertyValues.sort}) is distinct from (excluded.erp_id, excluded.sort)`,
      });
  }
}

/** The classifier (groups, properties) and the counterparties directory; reading stops where the catalog begins. */
export function classifierSelector(path: readonly string[]): string | null {
  const name = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 2 && (name === "Каталог" || name === "ПакетПредложений")) return STOP;
  const counterparty = counterpartySelector(path);
  if (counterparty) return counterparty;
  if (name === "Группы" && parent === "Классификатор") return "groups";
  if ((name === "Свойство" || name === "СвойствоНоменклатуры") && parent === "Свойства" && path.includes("Классификатор")) return "property";
  return null;
}

export async function importClassifierItem(ctx: ImportContext, item: Collected): Promise<void> {
  if (item.kind === "groups") await importGroups(ctx, item.node);
  else if (item.kind === "property") await importProperty(ctx, item.node);
  else if (item.kind === "counterparty") await importCounterparty(ctx, item.node);
}

/** ERP id → our id maps for what products point at. */
export async function loadClassifierMaps(ctx: ImportContext) {
  const cats = await ctx.tx.select({ id: categories.id, erpId: categories.erpId, path: categories.path }).from(categories).where(isNotNull(categories.erpId));
  const kinds = await ctx.tx
    .select({ id: propertyKinds.id, erpId: propertyKinds.erpId, type: propertyKinds.type })
    .from(propertyKinds)
    .where(isNotNull(propertyKinds.erpId));
  const values = await ctx.tx.select({ id: propertyValues.id, erpId: propertyValues.erpId }).from(propertyValues).where(isNotNull(propertyValues.erpId));
  return {
    categories: new Map(cats.map((c) => [c.erpId!, c])),
    kinds: new Map(kinds.map((k) => [k.erpId!, k])),
    values: new Map(values.map((v) => [v.erpId!, v.id])),
  };
}
export type ClassifierMaps = Awaited<ReturnType<typeof loadClassifierMaps>>;
