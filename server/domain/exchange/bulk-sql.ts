import { sql, type SQL } from "drizzle-orm";

/**
 * Rows go to PostgreSQL as ONE jsonb parameter read back with jsonb_to_recordset, so a batch of
 * 1,000 rows is one short statement (not 8,000 bound parameters the driver must prepare anew
 * for every batch size). Both drivers pass a string parameter the same way.
 */
export function jsonRecords(rows: readonly object[], columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(columns)})`;
}

/** A text[] built from a JSON array parameter (values may hold any character). */
export function jsonTextArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
