import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db, type Tx } from "@/db/client";
import { b2bOrderEvents, b2bOrderLines, b2bOrders, cartLines, carts, companies, companyAddresses, companyBalances, outbox, productVariants, stockReservations, warehouses } from "@/db/schema";
import { getActiveCompany } from "../companies/active-company";
import { badInput, DomainError } from "../errors";
import { priceForBuyer } from "../pricing/price-for-buyer";
import { getSetting } from "../settings/settings";
import { loadOrderableUnits } from "../carts/cart-lines";
import { activeCart, ownCart } from "../carts/carts";
import { assertCreditAllows, openOrdersTotal } from "./balance";
import { RESERVATION_EXPIRE_TOPIC } from "./reservations";
import { createSupplierParts } from "../supplier-orders/create-parts";
import { checkLowStockOfVariants } from "../supplier-products/low-stock";
import { noticeOrderPlaced } from "../notifications/b2b-order-notices";

export const VAT_PERCENT = 20;

export const checkoutInputSchema = z.object({
  cartId: z.uuid().optional(),
  deliveryMethod: z.enum(["pickup", "delivery"]),
  warehouseId: z.uuid({ error: "Choose a warehouse" }),
  addressId: z.uuid().optional(),
  shipmentDate: z.iso.date({ error: "Shipment date: YYYY-MM-DD" }).optional(),
  comment: z.string().trim().max(1000).optional(),
});
export type CheckoutInput = z.infer<typeof checkoutInputSchema>;

export interface PlacedOrder {
  id: string;
  number: string;
  availability: "in_stock" | "later";
  totalMinor: number;
  currency: string;
  lines: number;
}

export interface CheckoutResult {
  checkoutId: string;
  orders: PlacedOrder[];
  reservedUntil: string | null;
}

/** Lines priced in advance (an accepted quote): ordered at these prices instead of the cart's. */
export interface PrePricedLine {
  variantId: string;
  unit: string;
  quantity: number;
  unitMinor: number;
}

export interface CheckoutOptions {
  /** Order these lines at these prices; the cart is then left alone. */
  prePriced?: { lines: PrePricedLine[]; source: Record<string, unknown> };
  /** The person who really placed the order (a staff user logged in as the client), for the order's timeline. */
  actorId?: string;
  /** Runs inside the order's transaction after the orders are placed; throwing rolls everything back. */
  inTransaction?: (tx: Tx, result: CheckoutResult) => Promise<void>;
}

interface StockRow {
  variant_id: string;
  free: string;
}

/** Splits a line by what the warehouse has free now: in-stock part (a valid quantity) and the rest. */
export function splitLine(quantity: number, ratio: number, rule: { minQty: number; multiple: number }, freeBase: number): { now: number; later: number } {
  if (freeBase >= quantity * ratio - 1e-9) return { now: quantity, later: 0 };
  const multiple = rule.multiple > 0 ? rule.multiple : 1;
  let now = Math.floor(freeBase / ratio / multiple + 1e-9) * multiple;
  now = Math.round(now * 10_000) / 10_000;
  if (now < rule.minQty) now = 0;
  return { now, later: Math.round((quantity - now) * 10_000) / 10_000 };
}

const vatOf = (totalMinor: number) => Math.round((totalMinor * VAT_PERCENT) / (100 + VAT_PERCENT));

/**
 * Places the cart as the active company's order, in one transaction:
 * - the company's balance row is locked (FOR UPDATE), so its concurrent checkouts queue and the
 *   credit check (overdue debt, limit vs debt + open orders + this order) sees every placed order;
 * - the warehouse's stock rows of the cart's variants are locked in a fixed order, each line is
 *   split into what is free there now (reserved until now + b2b.reservationHours) and what comes
 *   later — two orders sharing one checkout id;
 * - the reservation raises stock.reserved by a conditional update that can never take it above
 *   the quantity; the cart becomes "ordered"; an outbox job releases the reservation on expiry.
 */
export async function checkout(db: Db, userId: string, input: CheckoutInput, now = new Date(), options: CheckoutOptions = {}): Promise<CheckoutResult> {
  const active = await getActiveCompany(db, userId);
  if (!active) throw new DomainError("PRECONDITION_FAILED", "You do not work for a company yet", { field: "company" });
  const prePriced = options.prePriced;
  const cart = prePriced ? null : input.cartId ? await ownCart(db, userId, input.cartId) : await activeCart(db, userId);
  const lines: Array<{ variantId: string; unit: string; quantity: string }> = prePriced
    ? prePriced.lines.map((l) => ({ variantId: l.variantId, unit: l.unit, quantity: String(l.quantity) }))
    : await db.select().from(cartLines).where(eq(cartLines.cartId, cart!.id)).orderBy(asc(cartLines.createdAt));
  if (lines.length === 0) throw badInput("The cart is empty", "cart");

  const [company] = await db.select({ id: companies.id, regionId: companies.regionId, status: companies.status }).from(companies).where(eq(companies.id, active.companyId));
  if (!company || company.status !== "active") throw new DomainError("PRECONDITION_FAILED", "The company is blocked", { field: "company" });
  const [warehouse] = await db.select().from(warehouses).where(and(eq(warehouses.id, input.warehouseId), eq(warehouses.isActive, true)));
  if (!warehouse) throw badInput("Unknown warehouse", "warehouseId");
  if (company.regionId && warehouse.regionId && warehouse.regionId !== company.regionId) throw badInput("The warehouse is not in your company's region", "warehouseId");
  let address: typeof companyAddresses.$inferSelect | undefined;
  if (input.addressId) {
    [address] = await db.select().from(companyAddresses).where(and(eq(companyAddresses.id, input.addressId), eq(companyAddresses.companyId, company.id)));
    if (!address) throw badInput("Unknown consignee address", "addressId");
  } else if (input.deliveryMethod === "delivery") throw badInput("Choose a consignee address for delivery", "addressId");
  if (input.shipmentDate && input.shipmentDate < now.toISOString().slice(0, 10)) throw badInput("Shipment date: not in the past", "shipmentDate");

  const units = await loadOrderableUnits(
    db,
    lines.map((l) => l.variantId),
  );
  const [balanceRow] = await db.select({ currency: companyBalances.currency }).from(companyBalances).where(eq(companyBalances.companyId, company.id));
  const currency = balanceRow?.currency ?? "RUB";
  const priced = prePriced
    ? {
        lines: prePriced.lines.map((l) => ({ available: true, unitMinor: l.unitMinor })),
        totalMinor: prePriced.lines.reduce((sum, l) => sum + Math.round(l.unitMinor * l.quantity), 0),
      }
    : await priceForBuyer(
        db,
        userId,
        lines.map((l) => ({ variantId: l.variantId, quantity: Number(l.quantity), unit: l.unit })),
        currency,
      );
  const names = new Map(
    (
      await db
        .select({ id: productVariants.id, name: productVariants.name })
        .from(productVariants)
        .where(
          sql`${productVariants.id} in (${sql.join(
            lines.map((l) => sql`${l.variantId}::uuid`),
            sql`, `,
          )})`,
        )
    ).map((v) => [v.id, v.name]),
  );
  const prepared = lines.map((line, i) => {
    const unit = units.get(`${line.variantId}|${line.unit}`);
    const price = priced.lines[i];
    if (!unit || unit.status !== "published" || !price?.available) throw badInput(`${unit?.sku ?? "A product"} can no longer be ordered: remove it from the cart`, "cart");
    return { line, unit, unitMinor: price.unitMinor, quantity: Number(line.quantity), name: names.get(line.variantId) ?? unit.name };
  });
  const orderTotal = priced.totalMinor;
  const reservationHours = await getSetting(db, "b2b.reservationHours");
  const expiresAt = new Date(now.getTime() + reservationHours * 3_600_000);

  return db.transaction(async (tx) => {
    await tx.insert(companyBalances).values({ companyId: company.id, currency }).onConflictDoNothing();
    const [balance] = rowsOf<{ credit_limit_minor: string | null; debt_minor: string; overdue_debt_minor: string; days_overdue: number }>(
      await tx.execute(sql`select credit_limit_minor, debt_minor, overdue_debt_minor, days_overdue from company_balances where company_id = ${company.id} for update`),
    );
    let creditLimit = balance?.credit_limit_minor === null || balance?.credit_limit_minor === undefined ? null : Number(balance.credit_limit_minor);
    if (creditLimit === null) {
      const [contract] = rowsOf<{ limit: string | null }>(
        await tx.execute(sql`select credit_limit_minor as limit from contracts where company_id = ${company.id} order by is_default desc, created_at desc limit 1`),
      );
      creditLimit = contract?.limit === null || contract?.limit === undefined ? null : Number(contract.limit);
    }
    assertCreditAllows({
      currency,
      creditLimitMinor: creditLimit,
      debtMinor: Number(balance?.debt_minor ?? 0),
      overdueDebtMinor: Number(balance?.overdue_debt_minor ?? 0),
      daysOverdue: balance?.days_overdue ?? 0,
      openOrdersMinor: await openOrdersTotal(tx, company.id, currency),
      orderTotalMinor: orderTotal,
    });

    const variantIds = [...new Set(prepared.map((p) => p.line.variantId))].sort();
    const stockRows = rowsOf<StockRow>(
      await tx.execute(
        sql`select variant_id, (quantity - reserved)::text as free from stock where warehouse_id = ${warehouse.id} and variant_id in (${sql.join(
          variantIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) order by variant_id for update`,
      ),
    );
    const free = new Map(stockRows.map((r) => [r.variant_id, Math.max(0, Number(r.free))]));

    type Part = { prepared: (typeof prepared)[number]; quantity: number };
    const nowParts: Part[] = [];
    const laterParts: Part[] = [];
    for (const p of prepared) {
      const available = free.get(p.line.variantId) ?? 0;
      const split = splitLine(p.quantity, p.unit.ratio, p.unit, available);
      if (split.now > 0) {
        nowParts.push({ prepared: p, quantity: split.now });
        free.set(p.line.variantId, available - split.now * p.unit.ratio);
      }
      if (split.later > 0) laterParts.push({ prepared: p, quantity: split.later });
    }

    const checkoutId = crypto.randomUUID();
    const placed: PlacedOrder[] = [];
    const place = async (parts: Part[], availability: "in_stock" | "later") => {
      if (parts.length === 0) return;
      const totalMinor = parts.reduce((s, part) => s + Math.round(part.prepared.unitMinor * part.quantity), 0);
      const [seq] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('b2b_order_number_seq')::text as n`));
      const number = `B2B-${seq!.n}`;
      const [order] = await tx
        .insert(b2bOrders)
        .values({
          number, checkoutId, availability, companyId: company.id, buyerId: userId, status: "new", source: "online",
          deliveryMethod: input.deliveryMethod, addressId: address?.id ?? null, consignee: address?.consignee ?? null, address: address?.address ?? null,
          shipmentDate: input.shipmentDate ?? null, warehouseId: warehouse.id, currency, totalMinor, vatMinor: vatOf(totalMinor),
          comment: input.comment || null, reservedUntil: availability === "in_stock" ? expiresAt : null, createdAt: now, updatedAt: now,
        })
        .returning({ id: b2bOrders.id });
      const orderLines = await tx
        .insert(b2bOrderLines)
        .values(
          parts.map((part, sort) => ({
            orderId: order!.id, variantId: part.prepared.line.variantId, sku: part.prepared.unit.sku, name: part.prepared.name, unit: part.prepared.unit.unit,
            ratio: String(part.prepared.unit.ratio), quantity: String(part.quantity), unitMinor: part.prepared.unitMinor,
            lineTotalMinor: Math.round(part.prepared.unitMinor * part.quantity), sort,
          })),
        )
        .returning({ id: b2bOrderLines.id, variantId: b2bOrderLines.variantId });
      if (availability === "in_stock") {
        for (const [i, part] of parts.entries()) {
          const base = String(Math.round(part.quantity * part.prepared.unit.ratio * 10_000) / 10_000);
          const updated = rowsOf<{ variant_id: string }>(
            await tx.execute(
              sql`update stock set reserved = reserved + ${base}::numeric, updated_at = now() where warehouse_id = ${warehouse.id} and variant_id = ${part.prepared.line.variantId} and quantity - reserved >= ${base}::numeric returning variant_id`,
            ),
          );
          if (updated.length !== 1) throw new DomainError("CONFLICT", `${part.prepared.unit.sku}: the stock changed, try again`, { field: "cart" });
          await tx.insert(stockReservations).values({ orderId: order!.id, orderLineId: orderLines[i]!.id, variantId: part.prepared.line.variantId, warehouseId: warehouse.id, quantity: base, expiresAt });
        }
        await tx.insert(outbox).values({ topic: RESERVATION_EXPIRE_TOPIC, payload: { orderId: order!.id }, runAt: expiresAt });
      }
      // Marketplace: the lines of suppliers' products become one part per supplier (same transaction).
      await createSupplierParts(tx, { id: order!.id, number, companyId: company.id, currency }, parts.map((part, i) => ({
        orderLineId: orderLines[i]!.id, variantId: part.prepared.line.variantId, sku: part.prepared.unit.sku, name: part.prepared.name, unit: part.prepared.unit.unit,
        quantity: part.quantity, unitMinor: part.prepared.unitMinor, lineTotalMinor: Math.round(part.prepared.unitMinor * part.quantity),
      })), now);
      await tx.insert(b2bOrderEvents).values({ orderId: order!.id, actorId: options.actorId ?? userId, kind: "created", toStatus: "new", details: { availability, cartId: cart?.id ?? null, ...prePriced?.source, ...(options.actorId && options.actorId !== userId ? { onBehalfOf: userId } : {}) } });
      await noticeOrderPlaced(tx, order!.id, options.actorId ?? userId);
      placed.push({ id: order!.id, number, availability, totalMinor, currency, lines: parts.length });
    };
    await place(nowParts, "in_stock");
    await place(laterParts, "later");
    // The reservation lowered suppliers' free stock: their low-stock alerts, in the same transaction.
    await checkLowStockOfVariants(tx, nowParts.map((part) => part.prepared.line.variantId));
    if (cart) await tx.update(carts).set({ status: "ordered", isActive: false, updatedAt: now }).where(eq(carts.id, cart.id));
    const result = { checkoutId, orders: placed, reservedUntil: nowParts.length ? expiresAt.toISOString() : null };
    await options.inTransaction?.(tx, result);
    return result;
  });
}

/** Consignee addresses of the buyer's active company, the default first. */
export async function companyAddressBook(db: Db, companyId: string) {
  return db.select().from(companyAddresses).where(eq(companyAddresses.companyId, companyId)).orderBy(sql`${companyAddresses.isDefault} desc`, asc(companyAddresses.consignee));
}

/** Adds a consignee to the company's address book. */
export async function addCompanyAddress(db: Db, companyId: string, input: { consignee: string; address: string; contactName?: string; phone?: string; isDefault?: boolean }) {
  const [row] = await db.insert(companyAddresses).values({ companyId, ...input, isDefault: input.isDefault ?? false }).returning();
  return row!;
}

/** The warehouses a buyer may pick up from: their company's region's, else all active ones. */
export async function pickupWarehouses(db: Db, companyId: string | null) {
  const [company] = companyId ? await db.select({ regionId: companies.regionId }).from(companies).where(eq(companies.id, companyId)) : [];
  const all = await db.select({ id: warehouses.id, name: warehouses.name, address: warehouses.address, regionId: warehouses.regionId }).from(warehouses).where(eq(warehouses.isActive, true)).orderBy(asc(warehouses.name));
  const regional = company?.regionId ? all.filter((w) => w.regionId === company.regionId) : [];
  return regional.length ? regional : all;
}
