import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { b2bOrders, claims, companies, companyBalances, quotes, regions, users } from "../../../db/schema";
import { companyScope, type CompanyActor } from "../companies/company-scope";

export const myCompaniesSchema = z.object({ q: z.string().trim().max(100).optional() });

/** Orders still moving: placed and not yet shipped, delivered or cancelled. */
const OPEN_STATUSES = sql`('new', 'confirmed', 'assembling')`;

/**
 * The manager's workplace: the companies in his scope (his own; a head's team's; all for a
 * director) with the figures he works from — debt and overdue from the balance, credit limit,
 * the last order, open orders, open quotes and open claims.
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
      // A quote is open while it waits for the manager or for the buyer and has not run out.
      openQuotes: sql<number>`(select count(*)::int from ${quotes} q where q.company_id = ${companies.id} and q.status in ('requested', 'sent') and (q.valid_until is null or q.valid_until > now()))`,
      openClaims: sql<number>`(select count(*)::int from ${claims} c where c.company_id = ${companies.id} and c.status <> 'closed')`,
    })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.managerId))
    .leftJoin(regions, eq(regions.id, companies.regionId))
    .leftJoin(companyBalances, eq(companyBalances.companyId, companies.id))
    .where(and(scope, like ? or(ilike(companies.name, like), ilike(companies.inn, like)) : undefined))
    .orderBy(asc(companies.name))
    .limit(500);
  return {
    companies: rows.map((r) => ({
      ...r,
      lastOrderAt: r.lastOrderAt ? new Date(r.lastOrderAt).toISOString() : null,
      lastOrderTotalMinor: r.lastOrderTotalMinor === null ? null : Number(r.lastOrderTotalMinor),
      openQuotes: Number(r.openQuotes),
      openClaims: Number(r.openClaims),
    })),
  };
}
