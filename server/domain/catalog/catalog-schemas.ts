import { z } from "zod";
import { BADGES } from "@/db/schema/catalog";

export const CATALOG_PAGE_SIZES = [24, 48] as const;
export const CATALOG_SORTS = ["relevance", "popular", "price_asc", "price_desc", "name", "new"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

const uuid = z.string().uuid();

/** A numeric facet's range; either end may be open. */
export const numberRangeSchema = z
  .object({ kindId: uuid, min: z.number().finite().optional(), max: z.number().finite().optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "min must not exceed max" });

/** What a catalog page asks for: a category subtree, a search, facet selections, a sort and a page. */
export const listProductsInputSchema = z.object({
  categoryId: uuid.optional(),
  search: z.string().trim().max(200).optional(),
  /** Enum facet selections: values of one kind are OR-ed, kinds are AND-ed. */
  valueIds: z.array(uuid).max(100).default([]),
  ranges: z.array(numberRangeSchema).max(20).default([]),
  brandIds: z.array(uuid).max(50).default([]),
  badges: z.array(z.enum(BADGES)).max(BADGES.length).default([]),
  inStock: z.boolean().default(false),
  sort: z.enum(CATALOG_SORTS).optional(),
  pageSize: z.union([z.literal(24), z.literal(48)]).default(24),
  page: z.number().int().min(1).max(10_000).default(1),
  /** Facet counts are optional so paging alone does not pay for them. */
  withFacets: z.boolean().default(true),
});
export type ListProductsInput = z.input<typeof listProductsInputSchema>;
export type ListProductsQuery = z.output<typeof listProductsInputSchema>;

export const productRefSchema = z.object({ slug: z.string().trim().min(1).max(200) });
export const productIdSchema = z.object({ productId: uuid });

export const reviewInputSchema = z.object({
  productId: uuid,
  rating: z.number().int().min(1).max(5),
  text: z.string().trim().max(4000).optional(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const staffListInputSchema = z.object({
  search: z.string().trim().max(200).optional(),
  categoryId: uuid.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.union([z.literal(24), z.literal(48)]).default(24),
});
export type StaffListInput = z.input<typeof staffListInputSchema>;
