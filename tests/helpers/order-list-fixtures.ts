import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";
import { orders } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { makeUser, sessionFor } from "./fixtures";
import { createTestShop, insertFxRate, insertProcessor, orderBody, orderDeps, placeOrder, withField, type TestShop } from "./order-fixtures";

export interface WorldUser {
  id: string;
  role: Role;
  name: string;
  session: ActiveSession;
}

export interface OrdersWorld {
  admin: WorldUser;
  director: WorldUser;
  head: WorldUser;
  /** Reports to `head`. */
  managerA: WorldUser;
  /** Reports to `head`. */
  managerB: WorldUser;
  /** Reports to `otherHead`. */
  managerC: WorldUser;
  otherHead: WorldUser;
  operator: WorldUser;
  moderator: WorldUser;
  buyer: WorldUser;
  supplier: WorldUser;
  /** New customers of shopA belong to managerA, of shopB to managerB, of shopC to managerC. */
  shopA: TestShop;
  shopB: TestShop;
  shopC: TestShop;
  processor1: string;
  processor2: string;
}

async function worldUser(db: Db, role: Role, supervisorId?: string): Promise<WorldUser> {
  const user = await makeUser(db, supervisorId ? { role, supervisorId } : { role });
  return { id: user.id, role: user.role, name: user.name, session: await sessionFor(db, user.id) };
}

/** Staff of every role, three shops owned by three managers (two in `head`'s team), two processors, EUR/GBP rates. */
export async function createOrdersWorld(db: Db): Promise<OrdersWorld> {
  const admin = await worldUser(db, "admin");
  const director = await worldUser(db, "director");
  const head = await worldUser(db, "head_manager");
  const otherHead = await worldUser(db, "head_manager");
  const managerA = await worldUser(db, "manager", head.id);
  const managerB = await worldUser(db, "manager", head.id);
  const managerC = await worldUser(db, "manager", otherHead.id);
  const operator = await worldUser(db, "call_center");
  const moderator = await worldUser(db, "content_moderator");
  const buyer = await worldUser(db, "buyer");
  const supplier = await worldUser(db, "supplier");
  const shopA = await createTestShop(db, { name: "Alpha Pharma", hostname: "alpha.example", defaultManagerId: managerA.id });
  const shopB = await createTestShop(db, { name: "Beta Health", hostname: "beta.example", defaultManagerId: managerB.id });
  const shopC = await createTestShop(db, { name: "Gamma Store", hostname: "gamma.example", defaultManagerId: managerC.id });
  const processor1 = (await insertProcessor(db, 300, 25)).id;
  const processor2 = (await insertProcessor(db, 450, 30)).id;
  await insertFxRate(db, "EUR", "1.1");
  await insertFxRate(db, "GBP", "1.25");
  return { admin, director, head, otherHead, managerA, managerB, managerC, operator, moderator, buyer, supplier, shopA, shopB, shopC, processor1, processor2 };
}

export interface ListOrderSpec {
  shop: TestShop;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  /** Shipping country: the order's country. */
  country?: string;
  paymentMethod?: "credit_card" | "paypal" | "crypto" | "echeck";
  currency?: string;
  /** One line at this price (no shipping, no coupon). */
  price?: number;
  /** A second line, so the order has two products. */
  secondLine?: boolean;
  shopOrderId?: string;
  productName?: string;
  createdAt?: Date;
  processorId?: string | null;
}

let serial = 0;

/** Posts an order through the real intake, then moves its creation time / processor where asked. */
export async function placeListOrder(db: Db, spec: ListOrderSpec): Promise<string> {
  serial += 1;
  const lines: Array<readonly [string, number, number]> = [[`SKU-${serial}`, spec.price ?? 10 + serial, 1]];
  if (spec.secondLine) lines.push([`SKU-${serial}-B`, 5, 2]);
  let body = orderBody({
    auth: spec.shop.auth,
    email: spec.email ?? `customer${serial}.${Date.now().toString(36)}@example.com`,
    phone: spec.phone ?? `+44 20 ${String(7000 + serial).padStart(4, "0")} ${String(1000 + serial).padStart(4, "0")}`,
    currency: spec.currency ?? "EUR",
    paymentMethod: spec.paymentMethod ?? "paypal",
    products: lines,
    ...(spec.shopOrderId ? { shopOrderId: spec.shopOrderId } : {}),
  });
  body = withField(body, "customer.first_name", spec.firstName ?? `First${serial}`);
  body = withField(body, "customer.last_name", spec.lastName ?? `Last${serial}`);
  if (spec.country) body = withField(body, "shipping.country", spec.country);
  if (spec.productName) body = withField(body, "products.0.name", spec.productName);
  const id = await placeOrder(orderDeps(db), body);
  const patch: Partial<typeof orders.$inferInsert> = {};
  if (spec.createdAt) patch.createdAt = spec.createdAt;
  if (spec.processorId !== undefined) patch.processorId = spec.processorId;
  if (Object.keys(patch).length) await db.update(orders).set(patch).where(eq(orders.id, id));
  return id;
}

/** Ids of the orders matching a raw SQL condition, in the given raw SQL order. */
export async function idsWhere(db: Db, where: string, orderBy = "o.number"): Promise<string[]> {
  const result = await db.execute(
    sql.raw(`select o.id from orders o join customers c on c.id = o.customer_id left join users m on m.id = c.manager_id where ${where} order by ${orderBy}`),
  );
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Counts per order status for a raw SQL condition, with every status present (0 when none). */
export async function statusCountsWhere(db: Db, where: string, column = "status", values: readonly string[]): Promise<Record<string, number>> {
  const result = await db.execute(
    sql.raw(
      `select o.${column}::text as value, count(*)::int as n from orders o join customers c on c.id = o.customer_id left join users m on m.id = c.manager_id where ${where} and o.${column} is not null group by 1`,
    ),
  );
  const counts: Record<string, number> = Object.fromEntries(values.map((v) => [v, 0]));
  for (const row of rowsOf<{ value: string; n: number }>(result)) counts[row.value] = Number(row.n);
  return counts;
}

/** The visibility rule of each role written as plain SQL (aliases: o orders, c customers, m the customer's manager). */
export function scopeSql(user: { id: string; role: Role }): string {
  switch (user.role) {
    case "admin":
    case "director":
      return "true";
    case "manager":
      return `c.manager_id = '${user.id}'`;
    case "head_manager":
      return `(m.supervisor_id = '${user.id}' or c.manager_id = '${user.id}')`;
    case "call_center":
      return `o.status = 'call_center'`;
    default:
      return "false";
  }
}
