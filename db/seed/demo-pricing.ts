import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appSettings, brands, categories, discountRules, massRules, priceTiers, priceTypes, products, regions } from "../schema";

/**
 * Demo pricing: the four price types (codes the catalog demo prices with), the conflict rule,
 * a few discount rules, a mass rule and two cart-total tiers. The catalog is seeded by its own
 * module, possibly later: brands and categories are looked up by slug (falling back to the
 * biggest brand / first root category), and a rule whose target is missing is skipped.
 * Idempotent: price types are upserted by code, rules are only added while none exist.
 */
export const DEMO_PRICE_TYPES = [
  { code: "retail", name: "Розница", rank: 0, isDefault: true },
  { code: "small_wholesale", name: "Мелкий опт", rank: 1, isDefault: false },
  { code: "wholesale", name: "Опт", rank: 2, isDefault: false },
  { code: "big_wholesale", name: "Крупный опт", rank: 3, isDefault: false },
] as const;

const BRAND_SLUGS = ["legrand", "schneider-electric", "schneider", "abb", "iek"];
const CATEGORY_SLUGS = ["electrical", "elektrotehnika", "elektrotovary", "cable", "kabel", "lighting", "svet"];

export interface DemoPricingSummary {
  priceTypes: number;
  discountRules: number;
  massRules: number;
  tiers: number;
}

export async function seedDemoPricing(db: Db): Promise<DemoPricingSummary> {
  // Existing types (an admin's edits, the ERP's) are left as they are: only missing codes are added.
  await db
    .insert(priceTypes)
    .values(DEMO_PRICE_TYPES.map((type) => ({ ...type, isDefault: false, currency: "RUB", isActive: true })))
    .onConflictDoNothing({ target: priceTypes.code });
  // Exactly one default: retail, unless someone already chose one.
  const [hasDefault] = await db.select({ n: count() }).from(priceTypes).where(eq(priceTypes.isDefault, true));
  if ((hasDefault?.n ?? 0) === 0) await db.update(priceTypes).set({ isDefault: true }).where(eq(priceTypes.code, "retail"));
  const types = new Map((await db.select().from(priceTypes)).map((t) => [t.code, t]));

  await db.insert(appSettings).values({ key: "pricing.discountConflict", value: "largest" }).onConflictDoNothing();

  const [existing] = await db.select({ n: count() }).from(discountRules);
  const summary: DemoPricingSummary = { priceTypes: types.size, discountRules: 0, massRules: 0, tiers: 0 };
  if ((existing?.n ?? 0) > 0) return summary;

  const brand = await pickBrand(db);
  const category = await pickCategory(db);
  const region = (await db.select().from(regions).where(inArray(regions.code, ["msk", "moscow", "mow"])).limit(1))[0] ?? (await db.select().from(regions).where(eq(regions.isDefault, true)).limit(1))[0];

  const rules: (typeof discountRules.$inferInsert)[] = [];
  if (brand) rules.push({ name: `${brand.name}: партнёрская скидка`, target: "brand", brandId: brand.id, percent: "5.00", priority: 50 });
  if (category) rules.push({ name: `${category.name}: скидка на раздел`, target: "category", categoryId: category.id, percent: "7.00", priority: 100 });
  if (brand && category) rules.push({ name: `${brand.name} в разделе ${category.name}`, target: "category_brand", brandId: brand.id, categoryId: category.id, percent: "8.50", priority: 20 });
  const topSkus = await db.select({ sku: products.sku }).from(products).orderBy(desc(products.salesCount), asc(products.sku)).limit(3);
  if (topSkus.length > 0) rules.push({ name: "Хиты продаж: спеццена", target: "sku_list", skus: topSkus.map((p) => p.sku.toUpperCase()), percent: "10.00", priority: 10 });
  if (rules.length > 0) await db.insert(discountRules).values(rules);
  summary.discountRules = rules.length;

  if (brand) {
    // The brand's most common product line, for "+3 % for line A of brand B in region C".
    const [line] = await db
      .select({ line: products.line, n: count() })
      .from(products)
      .where(and(eq(products.brandId, brand.id), isNotNull(products.line)))
      .groupBy(products.line)
      .orderBy(desc(count()))
      .limit(1);
    await db.insert(massRules).values({
      name: `${brand.name}${line?.line ? ` ${line.line}` : ""}${region ? ` — ${region.name}` : ""}: +3%`,
      brandId: brand.id,
      line: line?.line ?? null,
      regionId: region?.id ?? null,
      adjustPercent: "3.00",
    });
    summary.massRules = 1;
  }

  const wholesale = types.get("wholesale");
  const big = types.get("big_wholesale");
  const tiers: (typeof priceTiers.$inferInsert)[] = [];
  if (wholesale) tiers.push({ name: "Заказ от 100 000 ₽", thresholdMinor: 10_000_000, currency: "RUB", priceTypeId: wholesale.id });
  if (big) tiers.push({ name: "Заказ от 500 000 ₽", thresholdMinor: 50_000_000, currency: "RUB", priceTypeId: big.id });
  const [tierCount] = await db.select({ n: count() }).from(priceTiers);
  if ((tierCount?.n ?? 0) === 0 && tiers.length > 0) {
    await db.insert(priceTiers).values(tiers);
    summary.tiers = tiers.length;
  }
  return summary;
}

async function pickBrand(db: Db) {
  const [bySlug] = await db.select().from(brands).where(inArray(brands.slug, BRAND_SLUGS)).orderBy(sql`array_position(array[${sql.join(BRAND_SLUGS.map((s) => sql`${s}`), sql`, `)}]::text[], ${brands.slug})`).limit(1);
  if (bySlug) return bySlug;
  // No known slug: the brand with the most products, so the demo rule touches something.
  const [biggest] = await db
    .select({ id: brands.id, name: brands.name, slug: brands.slug, erpId: brands.erpId })
    .from(brands)
    .innerJoin(products, eq(products.brandId, brands.id))
    .groupBy(brands.id)
    .orderBy(desc(count()), asc(brands.name))
    .limit(1);
  return biggest ?? null;
}

async function pickCategory(db: Db) {
  const [bySlug] = await db.select().from(categories).where(inArray(categories.slug, CATEGORY_SLUGS)).orderBy(asc(categories.depth)).limit(1);
  if (bySlug) return bySlug;
  const [root] = await db.select().from(categories).where(isNull(categories.parentId)).orderBy(asc(categories.sort), asc(categories.name)).limit(1);
  return root ?? null;
}
