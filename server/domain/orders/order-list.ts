import { and, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "../../../db/client";
import { orderItems, orders, shops } from "../../../db/schema";
import { badInput } from "../errors";
import {
  orderFiltersSchema,
  orderListQuerySchema,
  SEARCH_COUNT_CAP,
  STATUS_COUNT_CAP,
  type OrderFilters,
  type OrderFiltersInput,
  type OrderListQuery,
  type OrderSort,
  type ParsedOrderListQuery,
} from "./order-list-query";
import { orderScope, type ScopedUser } from "./order-scope";
import { CALL_CENTER_STATUSES, ORDER_STATUSES } from "./order-statuses";

const ORDER_ID = /^ord_[A-Za-z0-9_-]{22}$/;
/** Above every character a prefix can be followed by, in "C" (byte) order. */
const PREFIX_END = "\u{10FFFF}";

function prefixRange(column: SQL, prefix: string): SQL {
  return sql`(${column} >= ${prefix} collate "C" and ${column} < ${prefix + PREFIX_END} collate "C")`;
}

const emailKey = sql`(${orders.customerEmail} collate "C")`;
const lastNameKey = sql`(lower(${orders.customerLastName}) collate "C")`;
const firstNameKey = sql`(lower(${orders.customerFirstName}) collate "C")`;
const phoneDigitsKey = sql`(regexp_replace(${orders.customerPhone}, '\\D', '', 'g') collate "C")`;

/**
 * One box finds an order by our id, its number (#1234), the shop's order id, the customer's
 * e-mail (prefix), name (prefix of first and/or last name) or phone (prefix of its digits).
 * Every branch is an index range, so search stays fast on millions of orders.
 */
export function searchCondition(raw: string): SQL {
  return or(...searchBranches(raw))!;
}

/** The search's alternatives, each an index range of its own (see searchCondition). */
function searchBranches(raw: string): SQL[] {
  const query = raw.trim();
  if (ORDER_ID.test(query)) return [eq(orders.id, query)];
  const branches: SQL[] = [eq(orders.shopOrderId, query)];
  const numberMatch = /^#?(\d{1,15})$/.exec(query);
  if (numberMatch) branches.push(eq(orders.number, Number(numberMatch[1])));
  const digits = query.replace(/\D/g, "");
  if (/^[\d\s()+.-]+$/.test(query) && digits.length >= 4) branches.push(prefixRange(phoneDigitsKey, digits));
  const lower = query.toLowerCase();
  if (!/^[\d\s()+#.-]+$/.test(query)) {
    branches.push(prefixRange(emailKey, lower));
    const words = lower.split(/\s+/).filter(Boolean);
    if (words.length === 1) {
      branches.push(prefixRange(lastNameKey, words[0]!), prefixRange(firstNameKey, words[0]!));
    } else if (words.length >= 2) {
      const [first, ...rest] = words;
      const last = rest.join(" ");
      branches.push(
        and(prefixRange(firstNameKey, first!), prefixRange(lastNameKey, last))!,
        and(prefixRange(lastNameKey, first!), prefixRange(firstNameKey, last))!,
      );
    }
  }
  return branches;
}

function utcDayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The filters as SQL, scope included; `status` left out when counting the tabs. */
export async function orderConditions(db: Db, user: ScopedUser, filters: OrderFilters, options: { withStatus: boolean }): Promise<SQL[]> {
  const conditions: SQL[] = [];
  const scope = await orderScope(db, user);
  if (scope) conditions.push(scope);
  if (options.withStatus && filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.callCenterStatus) conditions.push(eq(orders.callCenterStatus, filters.callCenterStatus));
  if (filters.search) conditions.push(searchCondition(filters.search));
  if (filters.from) conditions.push(gte(orders.createdAt, utcDayStart(filters.from)));
  if (filters.to) {
    const end = utcDayStart(filters.to);
    end.setUTCDate(end.getUTCDate() + 1);
    conditions.push(lt(orders.createdAt, end));
  }
  if (filters.from && filters.to && filters.from > filters.to) throw badInput("The start date is after the end date", "from");
  if (filters.shopId) conditions.push(eq(orders.shopId, filters.shopId));
  if (filters.country) conditions.push(eq(orders.country, filters.country));
  if (filters.paymentMethod) conditions.push(eq(orders.paymentMethod, filters.paymentMethod));
  if (filters.processorId) conditions.push(eq(orders.processorId, filters.processorId));
  if (filters.shipperId) conditions.push(eq(orders.shipperId, filters.shipperId));
  return conditions;
}

/** The call-center queue: never-contacted inquiries first (oldest first), then the longest unanswered. */
const QUEUE_KEY = sql`coalesce(${orders.callCenterContactAt}, coalesce(${orders.callCenterAt}, ${orders.createdAt}) - interval '100 years')`;

function sortKey(sort: OrderSort): { expression: SQL; cast: SQL } {
  if (sort === "total") return { expression: sql`${orders.totalUsdMinor}`, cast: sql`bigint` };
  if (sort === "queue") return { expression: QUEUE_KEY, cast: sql`timestamptz` };
  return { expression: sql`${orders.createdAt}`, cast: sql`timestamptz` };
}

interface Cursor {
  sort: OrderSort;
  key: string;
  number: number;
}

const KEY_FORMAT: Record<OrderSort, RegExp> = {
  created: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  queue: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  total: /^-?\d{1,18}$/,
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.number])).toString("base64url");
}

/** A cursor only fits the sort it was made for; anything else is refused before it reaches SQL. */
function decodeCursor(value: string, sort: OrderSort): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed[0] === sort && typeof parsed[1] === "string" && KEY_FORMAT[sort].test(parsed[1]) && Number.isSafeInteger(parsed[2])) {
      return { sort, key: parsed[1], number: parsed[2] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput("The page link is damaged or belongs to another sort order; start from the first page", "cursor");
}

export const orderListColumns = {
  id: orders.id,
  number: orders.number,
  shopId: orders.shopId,
  shopName: shops.name,
  shopOrderId: orders.shopOrderId,
  customerId: orders.customerId,
  customerFirstName: orders.customerFirstName,
  customerLastName: orders.customerLastName,
  customerEmail: orders.customerEmail,
  customerPhone: orders.customerPhone,
  country: orders.country,
  createdAt: orders.createdAt,
  currency: orders.currency,
  totalMinor: orders.totalMinor,
  totalUsdMinor: orders.totalUsdMinor,
  paymentMethod: orders.paymentMethod,
  cardBrand: orders.cardBrand,
  status: orders.status,
  callCenterStatus: orders.callCenterStatus,
  callCenterAt: orders.callCenterAt,
  callCenterContactAt: orders.callCenterContactAt,
  trackingNumber: orders.trackingNumber,
  firstItemName: sql<string | null>`(select ${orderItems.name} from ${orderItems} where ${orderItems.orderId} = ${orders.id} order by ${orderItems.position} limit 1)`,
  itemsCount: sql<number>`(select count(*)::int from ${orderItems} where ${orderItems.orderId} = ${orders.id})`,
};

export type OrderListRow = Awaited<ReturnType<typeof pageOfOrders>>["rows"][number];

/**
 * One page of the orders list with keyset pagination over (sort key, number): the same cost on
 * page 1 and page 10,000, and no row skipped or repeated while new orders arrive.
 */
export async function listOrders(db: Db, user: ScopedUser, rawQuery: OrderListQuery) {
  const query = orderListQuerySchema.parse(rawQuery);
  return pageOfOrders(db, user, query, query.limit);
}

/** Up to this many matches a search is fetched whole by its own indexes and sorted in memory. */
export const SEARCH_SORTED_IN_MEMORY = 5000;
/** How many orders, in sort order, a broad search reads looking for a page of matches. */
export const SEARCH_WALK_BUDGET = 5000;

interface SearchPlan {
  base: SQL[];
  search: SQL;
  /** The search's alternatives (searchBranches), each with an index led by its key and created_at. */
  branches: SQL[];
  expression: SQL;
  direction: SQL;
  ascending: boolean;
  /** Sorted by creation time: a walk may start at the newest (oldest) match instead of the newest order. */
  byCreated: boolean;
  limit: number;
}

/** Every match under the filters when there are at most SEARCH_SORTED_IN_MEMORY of them. */
async function fewMatches(db: Db, plan: SearchPlan): Promise<number[] | null> {
  const matches = await db
    .select({ number: orders.number })
    .from(orders)
    .where(and(...plan.base, plan.search))
    .limit(SEARCH_SORTED_IN_MEMORY + 1);
  return matches.length > SEARCH_SORTED_IN_MEMORY ? null : matches.map((row) => row.number);
}

/**
 * The first SEARCH_WALK_BUDGET orders in sort order under the other filters, tested against the
 * search. A page of matches among them is the page (every other match comes later); so is
 * whatever matched if the walk ran out of orders. Otherwise null: the matches are old or sparse.
 */
async function pageFromSortWalk(db: Db, plan: SearchPlan): Promise<number[] | null> {
  const { base, search, expression, direction, limit } = plan;
  const result = await db.execute(sql`
    with walked as materialized (
      select ${orders.number} as number, ${expression} as key, (${search}) as hit
      from ${orders}
      where ${base.length ? and(...base) : sql`true`}
      order by ${expression} ${direction}, ${orders.number} ${direction}
      limit ${SEARCH_WALK_BUDGET}
    )
    select (select count(*)::int from walked) as walked,
           (select array_agg(h.number::bigint order by h.key ${direction}, h.number ${direction})
              from (select number, key from walked where hit order by key ${direction}, number ${direction} limit ${limit + 1}) h) as hits`);
  const [row] = rowsOf<{ walked: number; hits: Array<number | string> | null }>(result);
  const hits = (row?.hits ?? []).map(Number);
  return hits.length > limit || Number(row?.walked ?? 0) < SEARCH_WALK_BUDGET ? hits : null;
}

type SearchStrategy = { kind: "numbers"; numbers: number[] } | { kind: "sortMatches" };

/**
 * The creation time of the newest match (the oldest when ascending), ignoring the other filters:
 * one index range per alternative on (key, created_at), read from the index alone.
 */
async function edgeOfMatches(db: Db, plan: SearchPlan): Promise<string | null> {
  const pick = plan.ascending ? sql`least` : sql`greatest`;
  const aggregate = plan.ascending ? sql`min` : sql`max`;
  // "+ interval '0'" keeps the planner off the created_at index: walking it backwards until the
  // first match reads most of the table when every match is old (9 s at 10 M orders).
  const parts = plan.branches.map((branch) => sql`(select ${aggregate}(${orders.createdAt} + interval '0') from ${orders} where ${branch})`);
  const result = await db.execute(sql`select (${pick}(${sql.join(parts, sql`, `)}))::text as edge`);
  return rowsOf<{ edge: string | null }>(result)[0]?.edge ?? null;
}

/**
 * How a search's page is found, with a bounded cost whatever the data. Recent matches: a short
 * walk along the sort index finds a page. None recent (an old customer's e-mail prefix): jump to
 * the newest match (read from the search's (key, created_at) indexes alone) and walk from there —
 * matches of one customer or one period sit together in time. Sparse matches: collect them
 * through the search's indexes and sort if they are few; only many sparse ones are sorted whole
 * (walking the whole index instead would read most of the table first: 15 s at 10 M orders).
 */
async function searchStrategy(db: Db, plan: SearchPlan, sortIndexed: boolean): Promise<SearchStrategy> {
  const walked = sortIndexed ? await pageFromSortWalk(db, plan) : null;
  if (walked) return { kind: "numbers", numbers: walked };
  if (sortIndexed && plan.byCreated) {
    const edge = await edgeOfMatches(db, plan);
    if (edge === null) return { kind: "numbers", numbers: [] };
    const fromEdge = plan.ascending ? sql`${orders.createdAt} >= ${edge}::timestamptz` : sql`${orders.createdAt} <= ${edge}::timestamptz`;
    const jumped = await pageFromSortWalk(db, { ...plan, base: [...plan.base, fromEdge] });
    if (jumped) return { kind: "numbers", numbers: jumped };
  }
  const few = await fewMatches(db, plan);
  return few ? { kind: "numbers", numbers: few } : { kind: "sortMatches" };
}

/** listOrders without the page-size cap of the UI, for exports. */
export async function pageOfOrders(db: Db, user: ScopedUser, query: ParsedOrderListQuery, limit: number) {
  const base = await orderConditions(db, user, { ...query, search: undefined }, { withStatus: true });
  const { expression, cast } = sortKey(query.sort);
  const ascending = query.sort === "queue" ? true : query.dir === "asc";
  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : null;
  const walkAscending = query.before ? !ascending : ascending;
  if (cursor) {
    const comparison = walkAscending ? sql`>` : sql`<`;
    base.push(sql`(${expression}, ${orders.number}) ${comparison} (${cursor.key}::${cast}, ${cursor.number})`);
  }
  const direction = walkAscending ? sql`asc` : sql`desc`;
  const branches = query.search ? searchBranches(query.search) : null;
  const search = branches ? or(...branches)! : null;
  const plan = { expression, direction, ascending: walkAscending, byCreated: query.sort === "created", limit };
  const strategy = search && branches ? await searchStrategy(db, { ...plan, base, search, branches }, query.sort !== "queue") : null;
  let conditions = search ? [...base, search] : base;
  if (strategy?.kind === "numbers") {
    conditions = [strategy.numbers.length ? sql`${orders.number} = any(${`{${strategy.numbers.join(",")}}`}::bigint[])` : sql`false`];
  }
  // When the matches are to be sorted, "+ 0" hides the sort index, which the planner would
  // otherwise walk while testing each row against the search.
  const ordering = strategy ? sql`${expression} + ${query.sort === "total" ? sql`0` : sql`interval '0'`}` : expression;
  const fetched = await db
    .select({ ...orderListColumns, sortKey: sql<string>`(${expression})::text` })
    .from(orders)
    .innerJoin(shops, eq(shops.id, orders.shopId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`${ordering} ${direction}`, sql`${orders.number} ${direction}`)
    .limit(limit + 1);
  const more = fetched.length > limit;
  const page = fetched.slice(0, limit);
  if (query.before) page.reverse();
  const hasNext = query.before ? true : more;
  const hasPrevious = query.before ? more : cursor !== null;
  const first = page[0];
  const last = page[page.length - 1];
  return {
    rows: page.map(({ sortKey: _sortKey, ...row }) => row),
    nextCursor: hasNext && last ? encodeCursor({ sort: query.sort, key: last.sortKey, number: last.number }) : null,
    previousCursor: hasPrevious && first ? encodeCursor({ sort: query.sort, key: first.sortKey, number: first.number }) : null,
  };
}

async function cappedCounts(db: Db, column: SQL, enumType: SQL, values: readonly string[], conditions: SQL[]): Promise<Record<string, number>> {
  const extra = conditions.length ? sql` and ${and(...conditions)}` : sql``;
  const list = sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select v.value, (
      select count(*)::int from (
        select 1 from ${orders} where ${column} = v.value::${enumType}${extra} limit ${STATUS_COUNT_CAP + 1}
      ) capped
    ) as n
    from unnest(array[${list}]::text[]) as v(value)`);
  return Object.fromEntries(rowsOf<{ value: string; n: number }>(result).map((row) => [row.value, Number(row.n)]));
}

/**
 * A search matches rows scattered over every status: one grouped pass over at most
 * SEARCH_COUNT_CAP + 1 matches beats one index walk per status (12 bitmap scans of the same
 * matches). When the pass stops at the cap, every figure is a lower bound (`partial`).
 */
async function countMatchesByStatus(db: Db, conditions: SQL[]): Promise<{ byStatus: Record<string, number>; partial: boolean }> {
  const result = await db.execute(sql`
    select m.status::text as value, count(*)::int as n
    from (select ${orders.status} as status from ${orders} where ${and(...conditions)} limit ${SEARCH_COUNT_CAP + 1}) m
    group by m.status`);
  const found = Object.fromEntries(rowsOf<{ value: string; n: number }>(result).map((row) => [row.value, Number(row.n)]));
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((status) => [status, found[status] ?? 0]));
  const seen = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  return { byStatus, partial: seen > SEARCH_COUNT_CAP };
}

/**
 * The numbers on the status tabs for the current filters. Without a search each status is
 * counted up to STATUS_COUNT_CAP + 1 along its index, so the tabs cost the same on 10 million
 * orders and the UI shows "10,000+" beyond the cap. With a search, see countMatchesByStatus.
 */
export async function countOrdersByStatus(db: Db, user: ScopedUser, rawFilters: OrderFiltersInput) {
  const filters = orderFiltersSchema.parse(rawFilters);
  const conditions = await orderConditions(db, user, filters, { withStatus: false });
  if (filters.search) {
    const { byStatus, partial } = await countMatchesByStatus(db, conditions);
    return { byStatus, cap: SEARCH_COUNT_CAP, partial };
  }
  const byStatus = await cappedCounts(db, sql`${orders.status}`, sql`order_status`, ORDER_STATUSES, conditions);
  return { byStatus, cap: STATUS_COUNT_CAP, partial: false };
}

/** The operator's tabs: orders in the call center by the operator's own status. */
export async function countCallCenterQueue(db: Db, user: ScopedUser, rawFilters: OrderFiltersInput) {
  const filters = orderFiltersSchema.parse({ ...rawFilters, callCenterStatus: undefined });
  const conditions = await orderConditions(db, user, { ...filters, status: "call_center" }, { withStatus: true });
  const byStatus = await cappedCounts(db, sql`${orders.callCenterStatus}`, sql`call_center_status`, CALL_CENTER_STATUSES, conditions);
  return { byStatus, cap: STATUS_COUNT_CAP, partial: false };
}
