import { inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { brands, categories, propertyKinds, propertyValues, type ProductContent } from "../../../db/schema";
import type { DisplayContent } from "./content-diff";

/** Resolves the ids of several contents to names with one query per table. */
export async function toDisplayContents(db: Pick<Db, "select">, contents: ReadonlyArray<ProductContent | null>): Promise<Array<DisplayContent | null>> {
  const present = contents.filter((c): c is ProductContent => c !== null);
  const brandIds = [...new Set(present.flatMap((c) => (c.brandId ? [c.brandId] : [])))];
  const categoryIds = [...new Set(present.map((c) => c.categoryId).filter(Boolean))];
  const kindIds = [...new Set(present.flatMap((c) => c.properties.map((p) => p.kindId)))];
  const valueIds = [...new Set(present.flatMap((c) => c.properties.flatMap((p) => (p.valueId ? [p.valueId] : []))))];
  const [brandRows, categoryRows, kindRows, valueRows] = await Promise.all([
    brandIds.length ? db.select({ id: brands.id, name: brands.name }).from(brands).where(inArray(brands.id, brandIds)) : [],
    categoryIds.length ? db.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, categoryIds)) : [],
    kindIds.length ? db.select({ id: propertyKinds.id, name: propertyKinds.name, unit: propertyKinds.unit }).from(propertyKinds).where(inArray(propertyKinds.id, kindIds)) : [],
    valueIds.length ? db.select({ id: propertyValues.id, value: propertyValues.value }).from(propertyValues).where(inArray(propertyValues.id, valueIds)) : [],
  ]);
  const brandName = new Map(brandRows.map((r) => [r.id, r.name]));
  const categoryName = new Map(categoryRows.map((r) => [r.id, r.name]));
  const kind = new Map(kindRows.map((r) => [r.id, r]));
  const valueName = new Map(valueRows.map((r) => [r.id, r.value]));
  return contents.map((c) => {
    if (!c) return null;
    const properties: Record<string, string> = {};
    for (const p of c.properties) {
      const k = kind.get(p.kindId);
      if (!k) continue;
      const shown = p.valueId
        ? (valueName.get(p.valueId) ?? null)
        : p.numberValue != null
          ? `${p.numberValue}${k.unit ? ` ${k.unit}` : ""}`
          : p.boolValue != null
            ? p.boolValue ? "✓" : "✗"
            : (p.textValue ?? null);
      if (shown !== null) properties[k.name] = shown;
    }
    return {
      name: c.name,
      description: c.description,
      brand: c.brandId ? (brandName.get(c.brandId) ?? null) : null,
      category: categoryName.get(c.categoryId) ?? null,
      properties,
      images: c.images.map((i) => i.url),
    };
  });
}
