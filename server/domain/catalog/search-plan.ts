import { sql, type SQL } from "drizzle-orm";
import { likePrefix } from "./sql-arrays";

export type SearchMode = "none" | "text" | "fuzzy";

/** How a search term narrows the products (`p` is the products alias) and ranks them. */
export interface SearchPlan {
  mode: SearchMode;
  where: SQL;
  rank: SQL;
}

/** word_similarity threshold for the typo fallback: 0.6 (the default) misses one-letter typos in short words. */
export const FUZZY_THRESHOLD = 0.35;

/**
 * "text": an exact or prefix SKU match (ranked first), or full-text search — Russian stemming for
 * morphology ("розетки" finds "розетка") OR-ed with the 'simple' config that keeps SKUs and Latin
 * brand names intact. "fuzzy": pg_trgm word similarity on the name, the fallback when "text"
 * finds nothing (a typo); it must run where pg_trgm.word_similarity_threshold is set (see
 * withFuzzyThreshold).
 */
export function searchPlan(term: string | undefined, mode: "text" | "fuzzy" = "text"): SearchPlan {
  const q = term?.trim() ?? "";
  if (!q) return { mode: "none", where: sql`true`, rank: sql`0::float8` };
  const lowered = q.toLowerCase();
  if (mode === "fuzzy") {
    return {
      mode: "fuzzy",
      where: sql`${lowered} <% lower(p.name)`,
      rank: sql`word_similarity(${lowered}, lower(p.name))::float8`,
    };
  }
  const prefix = likePrefix(lowered);
  const tsq = sql`(websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
  return {
    mode: "text",
    where: sql`(lower(p.sku) like ${prefix} or p.search_vector @@ ${tsq})`,
    rank: sql`(case when lower(p.sku) = ${lowered} then 100 when lower(p.sku) like ${prefix} then 50 else 0 end + ts_rank(p.search_vector, ${tsq}))::float8`,
  };
}
