import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/**
 * Looks for card data where it must never be: every text, varchar, json and jsonb column of
 * every table, and any captured log text. A finding names the table and column (or log line).
 */
export interface CardSecrets {
  pans: string[];
  cvvs: string[];
}

export interface SecretFinding {
  where: string;
  what: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The PAN as digits, grouped by spaces or dashes; the CVV as a value on its own (not inside a longer number or hex id). */
export function secretPatterns(secrets: CardSecrets): Array<{ what: string; pattern: RegExp }> {
  return [
    ...secrets.pans.map((pan) => ({ what: `card number ${pan.slice(0, 4)}…${pan.slice(-4)}`, pattern: new RegExp(pan.split("").map(escape).join("[\\s-]?")) })),
    ...secrets.cvvs.map((cvv) => ({ what: `CVV ${cvv}`, pattern: new RegExp(`(?<![0-9a-zA-Z_-])${escape(cvv)}(?![0-9a-zA-Z_-])`) })),
    // A CVV under its own name, whatever its value.
    { what: "a cvv/cvc field", pattern: /"?(card_)?cv[cv]2?"?\s*[:=]\s*"?\d{3,4}/i },
  ];
}

export function scanText(where: string, text: string, secrets: CardSecrets): SecretFinding[] {
  return secretPatterns(secrets)
    .filter(({ pattern }) => pattern.test(text))
    .map(({ what }) => ({ where, what }));
}

export async function textColumns(db: Db): Promise<Array<{ table: string; column: string }>> {
  return rowsOf<{ table_name: string; column_name: string }>(
    await db.execute(sql`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')
      order by c.table_name, c.ordinal_position`),
  ).map((r) => ({ table: r.table_name, column: r.column_name }));
}

/** Scans every text-like column of every table; returns what it found and how much it read. */
export async function scanDatabase(db: Db, secrets: CardSecrets): Promise<{ findings: SecretFinding[]; columns: number; values: number }> {
  const findings: SecretFinding[] = [];
  const columns = await textColumns(db);
  let values = 0;
  for (const { table, column } of columns) {
    const rows = rowsOf<{ v: string | null }>(await db.execute(sql.raw(`select "${column}"::text as v from "${table}" where "${column}" is not null`)));
    values += rows.length;
    for (const row of rows) {
      if (row.v) findings.push(...scanText(`${table}.${column}`, row.v, secrets));
    }
  }
  const unique = new Map(findings.map((f) => [`${f.where}|${f.what}`, f]));
  return { findings: [...unique.values()], columns: columns.length, values };
}
