import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "../../../db/client";
import type { Db } from "../../../db/client";
import { idempotencyKeys, orders } from "../../../db/schema";
import type { Shop } from "../shops/shops";
import { protectCard } from "../cards/card";
import { forgetCvv, rememberCvv } from "../payments/cvv-vault";
import { conflict, DomainError } from "../errors";
import { dayOf, usdRateFor } from "../money/fx-rates";
import { toUsdMinor } from "../money/money";
import { deviceTypeOf } from "./device-type";
import type { OrderRequest } from "./intake-schema";
import { computeOrderAmounts } from "./order-amounts";
import { newOrderId } from "./order-id";
import { WEBHOOK_FANOUT_TOPIC } from "../webhooks/fanout";

export interface CreateOrderOptions {
  encryptionKey: Buffer;
  idempotencyKey?: string;
  now?: Date;
}

export interface CreateOrderResult {
  orderId: string;
  created: boolean;
}

class DuplicateShopOrder extends Error {}

/** The order's content without secrets, so a retry and a different order can be told apart. */
function requestHashOf(request: OrderRequest, currency: string): string {
  const { auth: _auth, metrics: _metrics, payment, ...content } = request;
  const canonical = {
    ...content,
    currency,
    payment: { method: payment.method, last4: payment.card_number?.slice(-4) ?? null },
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

async function existingByIdempotencyKey(db: Db, shopId: string, key: string, requestHash: string): Promise<CreateOrderResult | null> {
  const [row] = await db
    .select({ orderId: idempotencyKeys.orderId, requestHash: idempotencyKeys.requestHash })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key)))
    .limit(1);
  if (!row) return null;
  if (row.requestHash !== requestHash) throw conflict("Idempotency-Key was already used for a different order", "Idempotency-Key");
  return { orderId: row.orderId, created: false };
}

async function existingByShopOrderId(db: Db, shopId: string, shopOrderId: string, requestHash: string): Promise<CreateOrderResult> {
  const [row] = await db
    .select({ id: orders.id, requestHash: orders.requestHash })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.shopOrderId, shopOrderId)))
    .limit(1);
  if (!row) throw new DomainError("CONFLICT", "The order was being created by a concurrent request; retry");
  if (row.requestHash !== requestHash) {
    throw conflict(`options.shop_order_id ${shopOrderId} was already submitted with different content`, "options.shop_order_id");
  }
  return { orderId: row.id, created: false };
}

/**
 * Takes an order from a shop: customer upsert, order, lines, event and the Pending e-mail in one
 * transaction. Re-sending the same shop order (or Idempotency-Key) returns the first order's id,
 * even under concurrent duplicates; a different payload under the same shop order id is refused.
 */
export async function createOrderFromShop(db: Db, shop: Pick<Shop, "id" | "name" | "hostname" | "defaultManagerId">, request: OrderRequest, options: CreateOrderOptions): Promise<CreateOrderResult> {
  const now = options.now ?? new Date();
  const amounts = computeOrderAmounts(request);
  const { currency } = amounts;
  const requestHash = requestHashOf(request, currency);
  const shopOrderId = request.options.shop_order_id;

  if (options.idempotencyKey) {
    const existing = await existingByIdempotencyKey(db, shop.id, options.idempotencyKey, requestHash);
    if (existing) return existing;
  }

  const usdPerUnit = await usdRateFor(db, currency, dayOf(now));
  if (!usdPerUnit) throw new DomainError("BAD_INPUT", `options.currency ${currency} is not supported (no exchange rate)`, { field: "options.currency" });
  const totalUsdMinor = toUsdMinor(amounts.totalMinor, currency, usdPerUnit);

  const { customer: c, payment } = request;
  const card =
    payment.method === "credit_card" && payment.card_number
      ? protectCard(
          {
            pan: payment.card_number,
            expiryMonth: Number(payment.card_expire_month),
            expiryYear: Number(payment.card_expire_year),
            holder: payment.cardholder ?? "",
            birthday: payment.cardholder_birthday,
          },
          options.encryptionKey,
        )
      : null;
  const device = request.metrics?.device;
  const orderId = newOrderId();

  const coupon =
    request.coupon?.code && (request.coupon.used === 1 || request.coupon.used === true)
      ? { code: request.coupon.code, type: request.coupon.type === 2 || request.coupon.type === "2" || request.coupon.type === "fixed" ? "fixed" : "percentage" }
      : null;
  const deviceMetrics = device
    ? {
        userAgent: device.user_agent,
        screenWidth: device.screen_width,
        screenHeight: device.screen_height,
        screenAvailWidth: device.screen_avail_width,
        screenAvailHeight: device.screen_avail_height,
        screenColorDepth: device.screen_color_depth,
        language: device.language,
        timezone: device.timezone,
      }
    : null;
  const items = request.products.map((p, index) => ({
    position: index + 1,
    product_id: p.id ?? null,
    sku: p.sku,
    name: p.name,
    option: p.option ?? null,
    option_value: p.option_value ?? null,
    bonus: p.bonus ?? null,
    quantity: p.quantity,
    price_minor: amounts.items[index]!.priceMinor,
    line_total_minor: amounts.items[index]!.lineTotalMinor,
    url: p.url ?? null,
    thumbnail: p.thumbnail ?? null,
  }));
  const createdData = { items: request.products.length, total: amounts.totalMinor, currency, card: card ? `${card.cardBrand} ••${card.cardLast4}` : null };
  const json = (value: unknown) => sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`;
  const at = sql`${now.toISOString()}::timestamptz`;

  // One statement for the whole intake (customer upsert with its counters, order, lines, events,
  // outbox, idempotency key): three round trips with BEGIN and COMMIT instead of eight, on both
  // drivers. A conflicting shop order inserts nothing and the transaction is rolled back, so
  // the customer's counters only move for a stored order.
  const statement = sql`
    with c as (
      insert into customers (email, first_name, last_name, phone, phones, billing_address, shipping_address, country, manager_id,
        orders_count, total_usd_minor, first_order_at, last_order_at, created_at, updated_at)
      values (${c.email}, ${c.first_name}, ${c.last_name}, ${c.phone}, ${json([c.phone])}, ${json(request.billing)}, ${json(request.shipping)},
        ${request.shipping.country}, ${shop.defaultManagerId}::uuid, 1, ${totalUsdMinor}::bigint, ${at}, ${at}, ${at}, ${at})
      on conflict (email) do update set
        first_name = excluded.first_name, last_name = excluded.last_name, phone = excluded.phone,
        phones = case when customers.phones @> excluded.phones then customers.phones else excluded.phones || customers.phones end,
        billing_address = excluded.billing_address, shipping_address = excluded.shipping_address, country = excluded.country,
        orders_count = customers.orders_count + 1, total_usd_minor = customers.total_usd_minor + excluded.total_usd_minor,
        first_order_at = coalesce(customers.first_order_at, excluded.first_order_at), last_order_at = excluded.last_order_at,
        updated_at = excluded.updated_at
      returning id, status
    ), o as (
      insert into orders (id, shop_id, shop_order_id, shop_domain, customer_id, status, currency, currency_coef, subtotal_minor, discount_minor,
        shipping_minor, insurance_minor, total_minor, usd_per_unit, total_usd_minor, delivery_method_id, insurance, coupon, payment_method,
        card_brand, card_last4, card_sealed, customer_first_name, customer_last_name, customer_email, customer_phone, customer_ip,
        billing_address, shipping_address, country, language, locale, campaign, bonus, refill_reminder, device, device_type,
        customer_blocked, request_hash, created_at, updated_at)
      select ${orderId}, ${shop.id}::uuid, ${shopOrderId}, ${request.options.shop_domain ?? shop.hostname}, c.id, 'pending', ${currency},
        ${request.currency_coef === undefined ? null : String(request.currency_coef)}::numeric, ${amounts.subtotalMinor}::bigint,
        ${amounts.discountMinor}::bigint, ${amounts.shippingMinor}::bigint, ${amounts.insuranceMinor}::bigint, ${amounts.totalMinor}::bigint,
        ${usdPerUnit}::numeric, ${totalUsdMinor}::bigint, ${request.options.delivery_id}::int, ${amounts.insurance}::boolean, ${json(coupon)},
        ${payment.method}::payment_method, ${card?.cardBrand ?? null}, ${card?.cardLast4 ?? null}, ${card?.cardSealed ?? null},
        ${c.first_name}, ${c.last_name}, ${c.email}, ${c.phone}, ${c.ip}, ${json(request.billing)}, ${json(request.shipping)},
        ${request.shipping.country}, ${request.language ?? null}, ${request.options.locale ?? null}, ${request.options.campaigns ?? null},
        ${request.options.bonus ?? null}, ${json(request.options.refill_reminder ?? null)}, ${json(deviceMetrics)},
        ${deviceTypeOf(device?.user_agent, device?.screen_width)}, c.status = 'blocked', ${requestHash}, ${at}, ${at}
      from c
      on conflict (shop_id, shop_order_id) do nothing
      returning id, customer_blocked
    ), i as (
      insert into order_items (order_id, position, product_id, sku, name, option, option_value, bonus, quantity, price_minor, line_total_minor, url, thumbnail)
      select o.id, x.position, x.product_id, x.sku, x.name, x.option, x.option_value, x.bonus, x.quantity, x.price_minor, x.line_total_minor, x.url, x.thumbnail
      from o, jsonb_to_recordset(${json(items)}) as x(position int, product_id text, sku text, name text, option text, option_value text, bonus text,
        quantity int, price_minor bigint, line_total_minor bigint, url text, thumbnail text)
    ), e as (
      insert into order_events (order_id, type, actor_type, actor_id, actor_name, to_status, message, data, created_at)
      select o.id, 'created'::order_event_type, 'shop'::actor_type, ${shop.id}, ${shop.name}, 'pending', ${`Order ${shopOrderId} received from ${shop.hostname}`}, ${json(createdData)}, ${at} from o
      union all
      select o.id, 'note'::order_event_type, 'system'::actor_type, null, null, null, 'The customer is blocked: check this order before processing it', null, ${at} from o where o.customer_blocked
    ), m as (
      insert into outbox (topic, order_id, payload, run_at)
      select 'email.order_status', o.id, ${json({ orderId, status: "pending" })}, ${at} from o
      union all
      -- The charge runs in the worker, never inside this request (server/domain/payments/charge-job.ts),
      -- when some processor with an API takes this method; otherwise payment happens outside the CRM.
      select 'payment.charge', o.id, ${json({ orderId })}, ${at} from o
      where exists (select 1 from processors p where p.adapter <> 'manual' and p.methods ? ${payment.method})
      union all
      -- Outbound webhooks: one fan-out job, only when some endpoint listens (server/domain/webhooks/fanout.ts).
      select ${WEBHOOK_FANOUT_TOPIC}, o.id, ${json({ orderId, events: ["order.created"] })}, ${at} from o
      where exists (select 1 from webhook_endpoints w where w.is_active)
    ), k as (
      insert into idempotency_keys (shop_id, key, request_hash, order_id, created_at)
      select ${shop.id}::uuid, ${options.idempotencyKey ?? null}, ${requestHash}, o.id, ${at} from o where ${options.idempotencyKey ?? null}::text is not null
      on conflict do nothing
    )
    select (select id from o) as order_id`;

  // The CVV is for the first charge only and is never stored: it waits in this process's memory
  // for the payment.charge job (server/domain/payments/cvv-vault.ts), set before the commit so the job finds it.
  const cvv = card && payment.card_cvv !== undefined ? String(payment.card_cvv) : undefined;
  if (cvv) rememberCvv(orderId, cvv);
  try {
    return await db.transaction(async (tx) => {
      const [row] = rowsOf<{ order_id: string | null }>(await tx.execute(statement));
      if (!row?.order_id) throw new DuplicateShopOrder();
      return { orderId, created: true };
    });
  } catch (error) {
    if (cvv) forgetCvv(orderId);
    if (error instanceof DuplicateShopOrder) return existingByShopOrderId(db, shop.id, shopOrderId, requestHash);
    throw error;
  }
}
