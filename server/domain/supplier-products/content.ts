import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../../db/client";
import {
  brands, categories, productCategories, productImages, productProperties, products, productVariants, propertyKinds, propertyValues,
  type ProductContent,
} from "../../../db/schema";
import { badInput } from "../errors";

/** Images are files this app stored (see server/storage) or absolute paths of the demo catalog. */
const imageUrl = z.string().trim().min(1).max(500).regex(/^\/[\w\-./]+$/, "Image: upload the file first");

export const propertyInputSchema = z.object({
  kindId: z.uuid(),
  valueId: z.uuid().nullish(),
  numberValue: z.string().trim().regex(/^-?\d{1,12}(\.\d{1,4})?$/, "Property: not a number").nullish(),
  boolValue: z.boolean().nullish(),
  textValue: z.string().trim().max(500).nullish(),
});

export const contentInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(200, "Name: at most 200 characters"),
  description: z.string().trim().max(10_000).nullish().transform((v) => v || null),
  brandId: z.uuid().nullish().transform((v) => v ?? null),
  categoryId: z.uuid("Choose a category"),
  properties: z.array(propertyInputSchema).max(100).default([]),
  images: z.array(z.object({ url: imageUrl, alt: z.string().trim().max(200).nullish().transform((v) => v || null) })).max(12).default([]),
});
export type ContentInput = z.input<typeof contentInputSchema>;

/**
 * Checks what zod cannot: the category, brand, property kinds and enum options exist, and each
 * property carries the value field of its kind's type. Empty properties are dropped.
 */
export async function validateContent(db: Pick<Db, "select">, input: z.output<typeof contentInputSchema>): Promise<ProductContent> {
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
  if (!category) throw badInput("Unknown category", "categoryId");
  if (input.brandId) {
    const [brand] = await db.select({ id: brands.id }).from(brands).where(eq(brands.id, input.brandId));
    if (!brand) throw badInput("Unknown brand", "brandId");
  }
  const kindIds = [...new Set(input.properties.map((p) => p.kindId))];
  const kinds = kindIds.length ? await db.select({ id: propertyKinds.id, type: propertyKinds.type }).from(propertyKinds).where(inArray(propertyKinds.id, kindIds)) : [];
  const typeOf = new Map(kinds.map((k) => [k.id, k.type]));
  const valueIds = input.properties.flatMap((p) => (p.valueId ? [p.valueId] : []));
  const values = valueIds.length ? await db.select({ id: propertyValues.id, kindId: propertyValues.kindId }).from(propertyValues).where(inArray(propertyValues.id, valueIds)) : [];
  const kindOfValue = new Map(values.map((v) => [v.id, v.kindId]));
  const properties: ProductContent["properties"] = [];
  for (const p of input.properties) {
    const type = typeOf.get(p.kindId);
    if (!type) throw badInput("Unknown property", "properties");
    if (type === "enum") {
      if (!p.valueId) continue;
      if (kindOfValue.get(p.valueId) !== p.kindId) throw badInput("Unknown property value", "properties");
      properties.push({ kindId: p.kindId, valueId: p.valueId });
    } else if (type === "number") {
      if (p.numberValue == null || p.numberValue === "") continue;
      properties.push({ kindId: p.kindId, numberValue: p.numberValue });
    } else if (type === "boolean") {
      if (p.boolValue == null) continue;
      properties.push({ kindId: p.kindId, boolValue: p.boolValue });
    } else {
      if (!p.textValue) continue;
      properties.push({ kindId: p.kindId, textValue: p.textValue });
    }
  }
  return { name: input.name, description: input.description, brandId: input.brandId, categoryId: input.categoryId, properties, images: input.images };
}

/** The content buyers see now. */
export async function loadContent(db: Pick<Db, "select">, productId: string): Promise<ProductContent | null> {
  const [product] = await db
    .select({ name: products.name, description: products.description, brandId: products.brandId, categoryId: products.mainCategoryId })
    .from(products)
    .where(eq(products.id, productId));
  if (!product) return null;
  const props = await db
    .select({ kindId: productProperties.kindId, valueId: productProperties.valueId, numberValue: productProperties.numberValue, boolValue: productProperties.boolValue, textValue: productProperties.textValue })
    .from(productProperties)
    .where(eq(productProperties.productId, productId));
  const images = await db.select({ url: productImages.url, alt: productImages.alt }).from(productImages).where(eq(productImages.productId, productId)).orderBy(asc(productImages.sort));
  return {
    name: product.name,
    description: product.description,
    brandId: product.brandId,
    categoryId: product.categoryId ?? "",
    properties: props.map((p) => ({
      kindId: p.kindId,
      valueId: p.valueId,
      numberValue: p.numberValue === null ? null : String(Number(p.numberValue)),
      boolValue: p.boolValue,
      textValue: p.textValue,
    })),
    images,
  };
}

/** Writes content to the product's tables (card, sections with ancestors, properties, images). */
export async function applyContent(tx: Tx, productId: string, content: ProductContent): Promise<void> {
  await tx
    .update(products)
    .set({ name: content.name, description: content.description, brandId: content.brandId, mainCategoryId: content.categoryId, updatedAt: new Date() })
    .where(eq(products.id, productId));
  await tx.update(productVariants).set({ name: content.name }).where(and(eq(productVariants.productId, productId), eq(productVariants.isDefault, true)));
  const [category] = await tx.select({ path: categories.path }).from(categories).where(eq(categories.id, content.categoryId));
  const sectionIds = (category?.path ?? "").split("/").filter(Boolean);
  await tx.delete(productCategories).where(eq(productCategories.productId, productId));
  if (sectionIds.length) {
    await tx.insert(productCategories).values(sectionIds.map((categoryId) => ({ categoryId, productId, isDirect: categoryId === content.categoryId })));
  }
  await tx.delete(productProperties).where(eq(productProperties.productId, productId));
  if (content.properties.length) {
    await tx.insert(productProperties).values(
      content.properties.map((p) => ({
        productId,
        kindId: p.kindId,
        valueId: p.valueId ?? null,
        numberValue: p.numberValue ?? null,
        boolValue: p.boolValue ?? null,
        textValue: p.textValue ?? null,
      })),
    );
  }
  await tx.delete(productImages).where(eq(productImages.productId, productId));
  if (content.images.length) {
    await tx.insert(productImages).values(content.images.map((img, sort) => ({ productId, url: img.url, alt: img.alt, sort })));
  }
}

/** The property kinds a category's products use (its own and its subtree's): the form's typed inputs. */
export async function categoryPropertyKinds(db: Db, categoryId: string) {
  const used = db
    .selectDistinct({ kindId: productProperties.kindId })
    .from(productProperties)
    .innerJoin(productCategories, and(eq(productCategories.productId, productProperties.productId), eq(productCategories.categoryId, categoryId)));
  const kinds = await db
    .select({ id: propertyKinds.id, code: propertyKinds.code, name: propertyKinds.name, type: propertyKinds.type, unit: propertyKinds.unit })
    .from(propertyKinds)
    .where(inArray(propertyKinds.id, used))
    .orderBy(asc(propertyKinds.sort), asc(propertyKinds.name))
    .limit(60);
  const enumIds = kinds.filter((k) => k.type === "enum").map((k) => k.id);
  const options = enumIds.length
    ? await db
        .select({ id: propertyValues.id, kindId: propertyValues.kindId, value: propertyValues.value })
        .from(propertyValues)
        .where(inArray(propertyValues.kindId, enumIds))
        .orderBy(asc(propertyValues.sort), asc(propertyValues.value))
    : [];
  return kinds.map((k) => ({ ...k, options: options.filter((o) => o.kindId === k.id).map((o) => ({ id: o.id, value: o.value })) }));
}
