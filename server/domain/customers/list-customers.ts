import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { customers, users } from "../../../db/schema";
import type { ScopedUser } from "../orders/order-scope";
import { CUSTOMER_COUNT_CAP, listCustomersSchema, type CustomerSort, type ListCustomersInput } from "./customer-schemas";
import { customerScope } from "./customer-scope";
import { dayAfter, decodeCursor, encodeCursor, planSearch, prefixRange, type CustomerCursor } from "./customer-search";

/** The expressions below are the indexed ones of db/schema/orders.ts, written the same way so the planner matches them. */
const sortName = sql<string>`(lower(${customers.lastName} || ' ' || ${customers.firstName}) collate "C")`;
const fullName = sql<string>`(lower(${customers.firstName} || ' ' || ${customers.lastName}) collate "C")`;
const emailC = sql<string>`(${customers.email} collate "C")`;
const phoneDigits = sql<string>`(regexp_replace(coalesce(${customers.phone}, ''), '[^0-9]', '', 'g') collate "C")`;

/**
 * Each sort key twice: as indexed (the list walks the (key, id) index and stops after a page),
 * and as the same value in a form no index matches, used while searching. A search matches few
 * rows that the key index cannot find quickly: walking it for a rare match reads the whole
 * table (1 s at a million rows), so the search indexes find the matches and only those are sorted.
 */
const SORT_KEYS: Record<CustomerSort, { expr: SQL; unindexed: SQL; cast: SQL }> = {
  joined: { expr: sql`${customers.createdAt}`, unindexed: sql`(${customers.createdAt} + interval '0 seconds')`, cast: sql`timestamptz` },
  orders: { expr: sql`${customers.ordersCount}`, unindexed: sql`(${customers.ordersCount} + 0)`, cast: sql`integer` },
  total: { expr: sql`${customers.totalUsdMinor}`, unindexed: sql`(${customers.totalUsdMinor} + 0)`, cast: sql`bigint` },
  name: { expr: sortName, unindexed: sql`(${sortName} || '')`, cast: sql`text` },
};

export interface CustomerListRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  country: string | null;
  status: "active" | "blocked";
  ordersCount: number;
  totalUsdMinor: number;
  createdAt: Date;
  lastOrderAt: Date | null;
  managerId: string | null;
  managerName: string | null;
}

export interface CustomerListPage {
  rows: CustomerListRow[];
  /** Matches counted up to CUSTOMER_COUNT_CAP; `totalCapped` says there are more. */
  total: number;
  totalCapped: boolean;
  /** Cursor for the next page (`after`), or null on the last page. */
  nextCursor: string | null;
  /** Cursor for the previous page (`before`), or null on the first page. */
  prevCursor: string | null;
}

/** `expr` begins with `prefix`: a range on the "C"-collated index, see `prefixRange`. */
function startsWith(expr: SQL, prefix: string): SQL {
  const { from, to } = prefixRange(prefix);
  return sql`(${expr} >= ${from} and ${expr} < ${to})`;
}

function searchCondition(raw: string | undefined): SQL | undefined {
  const plan = planSearch(raw);
  if (!plan) return undefined;
  if (plan.kind === "email") return startsWith(emailC, plan.prefix);
  if (plan.kind === "phone") return startsWith(phoneDigits, plan.digits);
  return or(startsWith(emailC, plan.prefix), startsWith(fullName, plan.prefix), startsWith(sortName, plan.prefix));
}

/**
 * One page of the customers a user may see, filtered and sorted, with keyset pagination: each
 * page continues from the (sort key, id) of the row before it, so page 500 costs what page 1
 * costs, and every sort has a matching (key, id) index. The count stops at 10,000, so it
 * never reads more than that many index entries.
 */
export async function listCustomers(db: Db, user: ScopedUser, rawInput: ListCustomersInput): Promise<CustomerListPage> {
  const input = listCustomersSchema.parse(rawInput);
  const conditions: SQL[] = [];
  const scope = customerScope(db, user);
  if (scope) conditions.push(scope);
  // The status as a literal, not a parameter, so a cached plan can still use the partial index of blocked customers.
  if (input.status !== "all") conditions.push(input.status === "blocked" ? sql`${customers.status} = 'blocked'` : sql`${customers.status} = 'active'`);
  if (input.joinedFrom) conditions.push(gte(customers.createdAt, new Date(`${input.joinedFrom}T00:00:00.000Z`)));
  if (input.joinedTo) conditions.push(lt(customers.createdAt, new Date(`${dayAfter(input.joinedTo)}T00:00:00.000Z`)));
  if (input.managerId) conditions.push(eq(customers.managerId, input.managerId));
  const search = searchCondition(input.search);
  if (search) conditions.push(search);
  const filter = conditions.length ? and(...conditions) : undefined;

  const key = SORT_KEYS[input.sort];
  const expr = search ? key.unindexed : key.expr;
  const { cast } = key;
  const before = decodeCursor(input.before, input.sort);
  const after = before ? null : decodeCursor(input.after, input.sort);
  const cursor = before ?? after;
  // Walking backwards (to the previous page) reads in the opposite order and flips the rows after.
  const ascending = (input.dir === "asc") !== Boolean(before);
  const keyset = cursor
    ? ascending
      ? sql`(${expr}, ${customers.id}) > (${cursor.key}::${cast}, ${cursor.id}::uuid)`
      : sql`(${expr}, ${customers.id}) < (${cursor.key}::${cast}, ${cursor.id}::uuid)`
    : undefined;
  const order = ascending ? [asc(expr), asc(customers.id)] : [desc(expr), desc(customers.id)];

  const [fetched, [counted]] = await Promise.all([
    db
      .select({
        id: customers.id,
        email: customers.email,
        firstName: customers.firstName,
        lastName: customers.lastName,
        phone: customers.phone,
        country: customers.country,
        status: customers.status,
        ordersCount: customers.ordersCount,
        totalUsdMinor: customers.totalUsdMinor,
        createdAt: customers.createdAt,
        lastOrderAt: customers.lastOrderAt,
        managerId: customers.managerId,
        managerName: users.name,
        sortKey: sql<string>`(${expr})::text`.mapWith(String),
      })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.managerId))
      .where(and(filter, keyset))
      .orderBy(...order)
      .limit(input.pageSize + 1),
    db
      .select({ n: count() })
      .from(db.select({ one: sql`1` }).from(customers).where(filter).limit(CUSTOMER_COUNT_CAP + 1).as("matches")),
  ]);

  const more = fetched.length > input.pageSize;
  const page = fetched.slice(0, input.pageSize);
  if (before) page.reverse();
  const cursorOf = (row: (typeof page)[number]): string => encodeCursor({ sort: input.sort, key: keyOf(input.sort, row), id: row.id });
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = before ? true : more;
  const hasPrev = before ? more : Boolean(after);
  const n = counted?.n ?? 0;
  return {
    rows: page.map(({ sortKey: _sortKey, ...row }) => row),
    total: Math.min(n, CUSTOMER_COUNT_CAP),
    totalCapped: n > CUSTOMER_COUNT_CAP,
    nextCursor: hasNext && last ? cursorOf(last) : null,
    prevCursor: hasPrev && first ? cursorOf(first) : null,
  };
}

function keyOf(sort: CustomerSort, row: { createdAt: Date; ordersCount: number; totalUsdMinor: number; sortKey: string }): CustomerCursor["key"] {
  switch (sort) {
    case "joined":
      // PostgreSQL's own text of the timestamp keeps its microseconds, which a JS Date would drop.
      return row.sortKey;
    case "orders":
      return row.ordersCount;
    case "total":
      return row.totalUsdMinor;
    case "name":
      return row.sortKey;
  }
}
