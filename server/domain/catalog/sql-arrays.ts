import { sql, type SQL } from "drizzle-orm";

/**
 * Arrays go to PostgreSQL as ONE text parameter cast to an array type, so a query's text (and its
 * prepared statement) does not change with the number of selected values. Callers pass values
 * already validated by zod (uuids, enum codes): they never contain the array syntax's specials.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

export function textArray(values: readonly string[]): SQL {
  return sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, "")}"`).join(",")}}`}::text[]`;
}

/** Escapes LIKE's wildcards so a SKU like "A_1%" is matched literally. */
export function likePrefix(value: string): string {
  return `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
