import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "../../../db/client";
import { companyScope, type CompanyActor } from "../companies/company-scope";
import { averageCheck, funnelSteps, sharePercent } from "./funnel";
import { averagePer } from "./order-buckets";

const isoDate = z.iso.date();
export const statsRangeSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .transform((v) => {
    const to = v.to ?? new Date().toISOString().slice(0, 10);
    const from = v.from ?? new Date(new Date(`${to}T00:00:00Z`).getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  })
  .refine((v) => v.from <= v.to, { message: "From must not be after To", path: ["from"] });
export type StatsRange = z.output<typeof statsRangeSchema>;

/** The company condition of the actor's scope, for a query whose companies row is aliased `c`. */
export function scopeOnC(actor: CompanyActor): SQL {
  const scope = companyScope(actor);
  return scope ? sql`c.id in (select companies.id from companies where ${scope})` : sql`true`;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * Sales statistics of the actor's scope (his companies; a head's team's; all for a director) over
 * [from, to]: orders and sums per currency, the daily series, new users, invoiced and shipped
 * shares, the customer funnel, users who ordered, average check, average orders per buyer,
 * engagement and bounce shares, carts, per-manager and per-region tables, and the quotes
 * (commercial offers) made in the range.
 */
export async function salesStatistics(db: Db, actor: CompanyActor, rawRange: z.input<typeof statsRangeSchema>) {
  const range = statsRangeSchema.parse(rawRange);
  const scope = scopeOnC(actor);
  const from = sql`${range.from}::date`;
  const toExclusive = sql`(${range.to}::date + 1)`;
  const inRange = sql`o.created_at >= ${from} and o.created_at < ${toExclusive}`;
  const orders = sql`b2b_orders o join companies c on c.id = o.company_id`;

  const [totals, daily, shares, buyers, funnel, carts, perManager, perRegion, quoteRows, engagement] = await Promise.all([
    db.execute(sql`select o.currency, count(*)::int as orders, coalesce(sum(o.total_minor), 0)::bigint as total_minor
      from ${orders} where ${scope} and ${inRange} and o.status <> 'cancelled' group by o.currency order by count(*) desc`),
    db.execute(sql`select to_char(date_trunc('day', o.created_at), 'YYYY-MM-DD') as day, o.currency, count(*)::int as orders, coalesce(sum(o.total_minor), 0)::bigint as total_minor
      from ${orders} where ${scope} and ${inRange} and o.status <> 'cancelled' group by 1, 2 order by 1`),
    db.execute(sql`select count(*)::int as orders,
        count(*) filter (where exists (select 1 from b2b_order_documents d where d.order_id = o.id and d.kind = 'invoice'))::int as invoiced,
        count(*) filter (where o.status in ('shipped', 'delivered'))::int as shipped,
        count(*) filter (where o.status = 'cancelled')::int as cancelled,
        count(distinct o.buyer_id)::int as buyers_who_ordered,
        count(o.buyer_id)::int as orders_with_buyer
      from ${orders} where ${scope} and ${inRange}`),
    db.execute(sql`select count(*)::int as new_users from users u
      where u.kind = 'buyer' and u.created_at >= ${from} and u.created_at < ${toExclusive}
        and exists (select 1 from company_members m join companies c on c.id = m.company_id where m.user_id = u.id and ${scope})`),
    db.execute(sql`with registered as (
        select u.id from users u
        where u.kind = 'buyer' and u.created_at >= ${from} and u.created_at < ${toExclusive}
          and exists (select 1 from company_members m join companies c on c.id = m.company_id where m.user_id = u.id and ${scope})
      ), placed as (
        -- One grouped pass over the orders (b2b_orders has no buyer index: a per-buyer subquery scanned the table once per buyer).
        select o.buyer_id, count(*) as n from b2b_orders o where o.buyer_id in (select id from registered) and o.created_at < ${toExclusive} group by o.buyer_id
      )
      select (select count(*)::int from registered) as registered, count(*) filter (where n >= 1)::int as ordered, count(*) filter (where n >= 2)::int as repeat from placed`),
    db.execute(sql`select count(distinct ct.id)::int as carts, count(cl.id)::int as lines
      from carts ct left join cart_lines cl on cl.cart_id = ct.id
      where ct.created_at >= ${from} and ct.created_at < ${toExclusive}
        and exists (select 1 from company_members m join companies c on c.id = m.company_id where m.user_id = ct.user_id and ${scope})`),
    db.execute(sql`select c.manager_id, coalesce(mu.name, '') as manager_name, count(distinct c.id)::int as companies, o.currency,
        count(o.id)::int as orders, coalesce(sum(o.total_minor), 0)::bigint as total_minor
      from companies c left join users mu on mu.id = c.manager_id
        left join b2b_orders o on o.company_id = c.id and ${inRange} and o.status <> 'cancelled'
      where ${scope} group by c.manager_id, mu.name, o.currency order by count(o.id) desc, mu.name`),
    db.execute(sql`select c.region_id, coalesce(r.name, '') as region_name, count(distinct c.id)::int as companies, o.currency,
        count(o.id)::int as orders, coalesce(sum(o.total_minor), 0)::bigint as total_minor
      from companies c left join regions r on r.id = c.region_id
        left join b2b_orders o on o.company_id = c.id and ${inRange} and o.status <> 'cancelled'
      where ${scope} group by c.region_id, r.name, o.currency order by count(o.id) desc, r.name`),
    db.execute(sql`select q.currency, count(*)::int as quotes, coalesce(sum(q.total_minor), 0)::bigint as total_minor
      from quotes q join companies c on c.id = q.company_id
      where ${scope} and q.created_at >= ${from} and q.created_at < ${toExclusive} group by q.currency`),
    // Engagement and bounce. The base is the scope's active buyer accounts that existed by the end
    // of the range. Sessions and carts follow the buyer, not a company, so any of his count; quotes
    // and orders count only for companies in scope (another manager's business stays his). A staff
    // user browsing as the client (impersonation) and quotes he drafted that way are not the buyer's activity.
    db.execute(sql`with scope_buyers as (
        select u.id from users u
        where u.kind = 'buyer' and u.is_active and u.created_at < ${toExclusive}
          and exists (select 1 from company_members m join companies c on c.id = m.company_id where m.user_id = u.id and ${scope})
      ), signed_in as (
        select distinct s.user_id from user_sessions s
        where s.user_id in (select id from scope_buyers) and s.created_at >= ${from} and s.created_at < ${toExclusive}
          and not exists (select 1 from impersonations i where i.buyer_session_id = s.id)
      ), carted as (
        select distinct ct.user_id from carts ct join cart_lines cl on cl.cart_id = ct.id
        where ct.user_id in (select id from scope_buyers) and cl.created_at >= ${from} and cl.created_at < ${toExclusive}
      ), quoted as (
        select distinct q.buyer_id from quotes q join companies c on c.id = q.company_id
        where ${scope} and q.buyer_id in (select id from scope_buyers) and q.created_by_staff_id is null
          and q.created_at >= ${from} and q.created_at < ${toExclusive}
      ), ordered as (
        select distinct o.buyer_id from ${orders} where ${scope} and ${inRange} and o.buyer_id in (select id from scope_buyers)
      )
      select (select count(*) from scope_buyers)::int as buyers,
        (select count(*) from (select user_id from signed_in union select user_id from carted union select buyer_id from quoted union select buyer_id from ordered) a)::int as active,
        (select count(*) from carted)::int as carted,
        (select count(*) from carted where not exists (select 1 from ordered where ordered.buyer_id = carted.user_id))::int as bounced`),
  ]);

  const byCurrency = rowsOf<{ currency: string; orders: number; total_minor: string }>(totals).map((r) => ({
    currency: r.currency, orders: num(r.orders), totalMinor: num(r.total_minor), averageCheckMinor: averageCheck(num(r.total_minor), num(r.orders)),
  }));
  const mainCurrency = byCurrency[0]?.currency ?? "RUB";
  const share = rowsOf<{ orders: number; invoiced: number; shipped: number; cancelled: number; buyers_who_ordered: number; orders_with_buyer: number }>(shares)[0];
  const engagementRow = rowsOf<{ buyers: number; active: number; carted: number; bounced: number }>(engagement)[0];
  const ordersAll = num(share?.orders);
  const funnelRow = rowsOf<{ registered: number; ordered: number; repeat: number }>(funnel)[0];
  const cartRow = rowsOf<{ carts: number; lines: number }>(carts)[0];
  const group = <K extends string>(rows: Array<Record<string, unknown>>, idKey: string, nameKey: string) => {
    const map = new Map<string, { id: string | null; name: string; companies: number; orders: number; totals: Record<string, number> }>();
    for (const r of rows) {
      const id = (r[idKey] as string | null) ?? null;
      const key = id ?? "none";
      const entry = map.get(key) ?? { id, name: String(r[nameKey] ?? ""), companies: 0, orders: 0, totals: {} };
      entry.companies = Math.max(entry.companies, num(r.companies));
      entry.orders += num(r.orders);
      if (r.currency) entry.totals[String(r.currency)] = (entry.totals[String(r.currency)] ?? 0) + num(r.total_minor);
      map.set(key, entry);
    }
    return [...map.values()] as Array<{ id: K | null; name: string; companies: number; orders: number; totals: Record<string, number> }>;
  };
  return {
    range,
    mainCurrency,
    byCurrency,
    orders: byCurrency.reduce((n, r) => n + r.orders, 0),
    daily: rowsOf<{ day: string; currency: string; orders: number; total_minor: string }>(daily)
      .filter((r) => r.currency === mainCurrency)
      .map((r) => ({ day: r.day, orders: num(r.orders), totalMinor: num(r.total_minor) })),
    newUsers: num(rowsOf<{ new_users: number }>(buyers)[0]?.new_users),
    invoicedShare: sharePercent(num(share?.invoiced), ordersAll),
    shippedShare: sharePercent(num(share?.shipped), ordersAll),
    cancelledShare: sharePercent(num(share?.cancelled), ordersAll),
    buyersWhoOrdered: num(share?.buyers_who_ordered),
    /** Orders (any status) per buyer who ordered in the range; orders without a buyer (offline) are left out. */
    averageOrders: averagePer(num(share?.orders_with_buyer), num(share?.buyers_who_ordered)),
    /** Active buyer accounts of the scope, and those that signed in, filled a cart, asked for a quote or ordered in the range. */
    engagement: { buyers: num(engagementRow?.buyers), active: num(engagementRow?.active), percent: sharePercent(num(engagementRow?.active), num(engagementRow?.buyers)) },
    /** Buyers who put goods in a cart in the range, and those of them who placed no order in the range (cart abandonment). */
    bounce: { carted: num(engagementRow?.carted), bounced: num(engagementRow?.bounced), percent: sharePercent(num(engagementRow?.bounced), num(engagementRow?.carted)) },
    funnel: funnelSteps({ registered: num(funnelRow?.registered), ordered: num(funnelRow?.ordered), repeat: num(funnelRow?.repeat) }),
    carts: { count: num(cartRow?.carts), lines: num(cartRow?.lines) },
    /** Commercial offers made in the range: all of them counted, the sum in the main currency. */
    quotes: quotesOf(rowsOf<{ currency: string; quotes: number; total_minor: string }>(quoteRows), mainCurrency),
    perManager: group(rowsOf(perManager), "manager_id", "manager_name"),
    perRegion: group(rowsOf(perRegion), "region_id", "region_name"),
  };
}
export type SalesStatistics = Awaited<ReturnType<typeof salesStatistics>>;

function quotesOf(rows: Array<{ currency: string; quotes: number; total_minor: string }>, mainCurrency: string): { count: number; totalMinor: number } {
  return { count: rows.reduce((n, r) => n + num(r.quotes), 0), totalMinor: num(rows.find((r) => r.currency === mainCurrency)?.total_minor) };
}

/** The live feed: the latest registrations (applications and new buyer accounts in scope) and orders. */
export async function liveFeed(db: Db, actor: CompanyActor, limit = 15) {
  const scope = scopeOnC(actor);
  const [orders, users, applications] = await Promise.all([
    db.execute(sql`select o.id, o.number, o.total_minor, o.currency, o.status, o.created_at, c.name as company_name
      from b2b_orders o join companies c on c.id = o.company_id where ${scope} order by o.created_at desc limit ${limit}`),
    db.execute(sql`select u.id, u.name, u.created_at, (select c.name from company_members m join companies c on c.id = m.company_id where m.user_id = u.id and ${scope} limit 1) as company_name
      from users u where u.kind = 'buyer' and exists (select 1 from company_members m join companies c on c.id = m.company_id where m.user_id = u.id and ${scope})
      order by u.created_at desc limit ${limit}`),
    db.execute(sql`select a.id, a.name, a.company_name, a.created_at from registration_applications a where a.status = 'pending' order by a.created_at desc limit ${limit}`),
  ]);
  type Item = { kind: "order" | "user" | "application"; id: string; at: string; title: string; subtitle: string; amountMinor: number | null; currency: string | null };
  const items: Item[] = [
    ...rowsOf<{ id: string; number: string; total_minor: string; currency: string; status: string; created_at: string | Date; company_name: string }>(orders).map((r) => ({
      kind: "order" as const, id: r.id, at: new Date(r.created_at).toISOString(), title: r.number, subtitle: r.company_name, amountMinor: num(r.total_minor), currency: r.currency,
    })),
    ...rowsOf<{ id: string; name: string; created_at: string | Date; company_name: string | null }>(users).map((r) => ({
      kind: "user" as const, id: r.id, at: new Date(r.created_at).toISOString(), title: r.name, subtitle: r.company_name ?? "", amountMinor: null, currency: null,
    })),
    ...rowsOf<{ id: string; name: string; company_name: string; created_at: string | Date }>(applications).map((r) => ({
      kind: "application" as const, id: r.id, at: new Date(r.created_at).toISOString(), title: r.name, subtitle: r.company_name, amountMinor: null, currency: null,
    })),
  ];
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
