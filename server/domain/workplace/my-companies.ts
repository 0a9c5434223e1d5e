import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "../../../db/client";
import { b2bOrders, companies, companyBalances, regions, users } from "../../../db/schema";
import { companyScope, type CompanyActor } from "../companies/company-scope";

export const myCompaniesSchema = z.object({ q: z.string().trim().max(100).optional() });

/** Orders still moving: placed and not yet shipped, delivered or cancelled. */
const OPEN_STATUSES = sql`('new', 'confirmed', 'assembling')`;

/**
 * Tables another branch adds (quotes, claims): their counts fill the workplace's columns when the
 * table exists in this database; until then the column shows nothing (null), not a false zero.
 */
async function existingTables(db: Db, names: readonly string[]): Promise<Set<string>> {
  const list = rowsOf<{ name: string }>(
    // Only a table with company_id and status can be counted: anything else leaves the slot empty rather than failing the page.
    await db.execute(sql`select table_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = any(${`{${names.join(",")}}`}::text[]) and column_name in ('company_id', 'status')
      group by table_name having count(*) = 2`),
  );
  return new Set(list.map((r) => r.name));
}

/**
 * The manager's workplace: the companies in his scope (his own; a head's team's; all for a
 * director) with the figures he works from — debt and overdue from the balance, credit limit,
 * the last order, open orders, and the slots for open quotes and claims.
 */
export async function myCompanies(db: Db, actor: CompanyActor, rawInput: z.input<typeof myCompaniesSchema> = {}) {
  const input = myCompaniesSchema.parse(rawInput);
  const scope = companyScope(actor);
  const like = input.q ? `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      id: companies.id,
      name: companies.name,
      inn: companies.inn,
      status: companies.status,
      managerId: companies.managerId,
      managerName: users.name,
      regionName: regions.name,
      currency: companyBalances.currency,
      debtMinor: companyBalances.debtMinor,
      overdueDebtMinor: companyBalances.overdueDebtMinor,
      daysOverdue: companyBalances.daysOverdue,
      creditLimitMinor: companyBalances.creditLimitMinor,
      lastOrderAt: sql<string | null>`(select max(o.created_at) from ${b2bOrders} o where o.company_id = ${companies.id})`,
      lastOrderTotalMinor: sql<string | null>`(select o.total_minor from ${b2bOrders} o where o.company_id = ${companies.id} order by o.created_at desc limit 1)`,
      lastOrderCurrency: sql<string | null>`(select o.currency from ${b2bOrders} o where o.company_id = ${companies.id} order by o.created_at desc limit 1)`,
      openOrders: sql<number>`(select count(*)::int from ${b2bOrders} o where o.company_id = ${companies.id} and o.status in ${OPEN_STATUSES})`,
      members: sql<number>`(select count(*)::int from company_members m where m.company_id = ${companies.id})`,
    })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.managerId))
    .leftJoin(regions, eq(regions.id, companies.regionId))
    .leftJoin(companyBalances, eq(companyBalances.companyId, companies.id))
    .where(and(scope, like ? or(ilike(companies.name, like), ilike(companies.inn, like)) : undefined))
    .orderBy(asc(companies.name))
    .limit(500);
  const tables = await existingTables(db, ["quotes", "claims"]);
  const openQuotes = tables.has("quotes") ? await countOpen(db, "quotes", rows.map((r) => r.id)) : null;
  const openClaims = tables.has("claims") ? await countOpen(db, "claims", rows.map((r) => r.id)) : null;
  return {
    companies: rows.map((r) => ({
      ...r,
      lastOrderAt: r.lastOrderAt ? new Date(r.lastOrderAt).toISOString() : null,
      lastOrderTotalMinor: r.lastOrderTotalMinor === null ? null : Number(r.lastOrderTotalMinor),
      openQuotes: openQuotes ? (openQuotes.get(r.id) ?? 0) : null,
      openClaims: openClaims ? (openClaims.get(r.id) ?? 0) : null,
    })),
    /** Whether the quotes and claims columns are backed by tables in this build. */
    slots: { quotes: openQuotes !== null, claims: openClaims !== null },
  };
}

/** Open rows per company of a table another area owns; "open" is any status but closed/accepted/rejected/expired/cancelled. */
async function countOpen(db: Db, table: "quotes" | "claims", companyIds: string[]): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const list = rowsOf<{ company_id: string; n: number }>(
    await db.execute(
      sql`select company_id, count(*)::int as n from ${sql.identifier(table)} where company_id = any(${`{${companyIds.join(",")}}`}::uuid[]) and status::text not in ('closed', 'accepted', 'rejected', 'expired', 'cancelled', 'ordered') group by company_id`,
    ),
  );
  return new Map(list.map((r) => [r.company_id, Number(r.n)]));
}
