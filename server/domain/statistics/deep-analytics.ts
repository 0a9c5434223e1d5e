import { sql } from "drizzle-orm";
import type { z } from "zod";
import { rowsOf, type Db } from "../../../db/client";
import type { CompanyActor } from "../companies/company-scope";
import { addTo, bucketOf, emptyCount, ORDER_BUCKETS, PROCESSED_BUCKETS, type CountAndTotals, type OrderBucket } from "./order-buckets";
import { scopeOnC, statsRangeSchema } from "./sales-stats";

const num = (v: unknown) => Number(v ?? 0);

export interface ActivityFigure {
  /** Documents made in the range: carts, quotes or orders. */
  count: number;
  /** Distinct products on their lines (a line whose product is gone counts by its SKU). */
  products: number;
  /** Sums in minor units per currency. */
  totals: Record<string, number>;
}

export interface ManagerOrders {
  id: string | null;
  name: string;
  /** Orders taken past "new" and not cancelled: in processing or completed. */
  processed: CountAndTotals;
  byBucket: Record<OrderBucket, CountAndTotals>;
}

const emptyBuckets = () => Object.fromEntries(ORDER_BUCKETS.map((b) => [b, emptyCount()])) as Record<OrderBucket, CountAndTotals>;

function figureOf(counts: unknown, sums: unknown): ActivityFigure {
  const head = rowsOf<{ docs: number; products: number }>(counts)[0];
  const totals: Record<string, number> = {};
  for (const r of rowsOf<{ currency: string | null; total_minor: string }>(sums)) if (r.currency) totals[r.currency] = num(r.total_minor);
  return { count: num(head?.docs), products: num(head?.products), totals };
}

/**
 * The deep analytics of the seed (admins and directors): buyer activity — carts, quotes and
 * orders made in the range, each with its count, distinct products and sum — and the managers'
 * work: orders per company manager by state (new, in processing, cancelled, completed) and the
 * processed ones, with the whole shop's line. Carts and orders follow the hierarchy scope like the
 * rest of the statistics; cancelled orders are left out of "orders placed" as in the KPI.
 */
export async function deepAnalytics(db: Db, actor: CompanyActor, rawRange: z.input<typeof statsRangeSchema>) {
  const range = statsRangeSchema.parse(rawRange);
  const scope = scopeOnC(actor);
  const from = sql`${range.from}::date`;
  const toExclusive = sql`(${range.to}::date + 1)`;
  const created = (column: string) => sql`${sql.raw(column)} >= ${from} and ${sql.raw(column)} < ${toExclusive}`;
  const cartInScope = sql`exists (select 1 from company_members m join companies c on c.id = m.company_id where m.user_id = ct.user_id and ${scope})`;
  const orderLive = sql`o.status <> 'cancelled'`;

  const [cartCounts, cartSums, quoteCounts, quoteSums, orderCounts, orderSums, byStatus] = await Promise.all([
    db.execute(sql`select count(distinct ct.id)::int as docs, count(distinct v.product_id)::int as products
      from carts ct left join cart_lines cl on cl.cart_id = ct.id left join product_variants v on v.id = cl.variant_id
      where ${created("ct.created_at")} and ${cartInScope}`),
    // A cart line keeps the price it was added at; a line added without a price adds nothing.
    db.execute(sql`select cl.added_currency as currency, coalesce(sum(round(cl.quantity * cl.added_unit_minor)), 0)::bigint as total_minor
      from carts ct join cart_lines cl on cl.cart_id = ct.id
      where ${created("ct.created_at")} and ${cartInScope} and cl.added_unit_minor is not null group by cl.added_currency`),
    db.execute(sql`select count(distinct q.id)::int as docs, count(distinct v.product_id)::int as products
      from quotes q join companies c on c.id = q.company_id left join quote_lines ql on ql.quote_id = q.id left join product_variants v on v.id = ql.variant_id
      where ${scope} and ${created("q.created_at")}`),
    db.execute(sql`select q.currency, coalesce(sum(q.total_minor), 0)::bigint as total_minor
      from quotes q join companies c on c.id = q.company_id where ${scope} and ${created("q.created_at")} group by q.currency`),
    db.execute(sql`select count(distinct o.id)::int as docs, count(distinct coalesce(v.product_id::text, 'sku:' || ol.sku))::int as products
      from b2b_orders o join companies c on c.id = o.company_id left join b2b_order_lines ol on ol.order_id = o.id left join product_variants v on v.id = ol.variant_id
      where ${scope} and ${created("o.created_at")} and ${orderLive}`),
    db.execute(sql`select o.currency, coalesce(sum(o.total_minor), 0)::bigint as total_minor
      from b2b_orders o join companies c on c.id = o.company_id where ${scope} and ${created("o.created_at")} and ${orderLive} group by o.currency`),
    db.execute(sql`select c.manager_id, coalesce(mu.name, '') as manager_name, o.status, o.currency, count(*)::int as orders, coalesce(sum(o.total_minor), 0)::bigint as total_minor
      from b2b_orders o join companies c on c.id = o.company_id left join users mu on mu.id = c.manager_id
      where ${scope} and ${created("o.created_at")} group by c.manager_id, mu.name, o.status, o.currency`),
  ]);

  const managers = new Map<string, ManagerOrders>();
  const shop: Omit<ManagerOrders, "id" | "name"> = { processed: emptyCount(), byBucket: emptyBuckets() };
  for (const r of rowsOf<{ manager_id: string | null; manager_name: string; status: string; currency: string; orders: number; total_minor: string }>(byStatus)) {
    const key = r.manager_id ?? "none";
    const entry = managers.get(key) ?? { id: r.manager_id, name: r.manager_name, processed: emptyCount(), byBucket: emptyBuckets() };
    const bucket = bucketOf(r.status);
    for (const target of [entry, shop]) {
      addTo(target.byBucket[bucket], num(r.orders), r.currency, num(r.total_minor));
      if (PROCESSED_BUCKETS.includes(bucket)) addTo(target.processed, num(r.orders), r.currency, num(r.total_minor));
    }
    managers.set(key, entry);
  }
  const perManager = [...managers.values()].sort((a, b) => b.processed.orders - a.processed.orders || a.name.localeCompare(b.name));

  return {
    range,
    activity: { carts: figureOf(cartCounts, cartSums), quotes: figureOf(quoteCounts, quoteSums), orders: figureOf(orderCounts, orderSums) },
    perManager,
    shop,
  };
}
export type DeepAnalytics = Awaited<ReturnType<typeof deepAnalytics>>;
