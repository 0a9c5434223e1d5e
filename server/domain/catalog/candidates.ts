import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { FUZZY_THRESHOLD, type SearchPlan } from "./search-plan";

/**
 * The CTE every catalog query starts from: published products of the category subtree
 * (product_categories holds rows for every ancestor, so a subtree is one index range) matching
 * the search. Facets and the page are computed over it.
 */
export function candidatesCte(categoryId: string | undefined, search: SearchPlan): SQL {
  const category = categoryId ? sql`join product_categories pc on pc.product_id = p.id and pc.category_id = ${categoryId}` : sql``;
  return sql`cand as materialized (
    select p.id, p.brand_id, p.badges, p.name, p.sales_count, p.rating_avg, p.created_at, ${search.rank} as rank
    from products p ${category}
    where p.status = 'published' and ${search.where}
  )`;
}

/**
 * Runs `work` where word_similarity's threshold is the catalog's (a transaction-local setting,
 * so the pg_trgm GIN index still serves `<%`). Only the typo fallback needs it.
 */
export async function withFuzzyThreshold<T>(db: Db, fuzzy: boolean, work: (db: Db) => Promise<T>): Promise<T> {
  if (!fuzzy) return work(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`);
    return work(tx as unknown as Db);
  });
}
