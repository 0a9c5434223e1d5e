import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { customers, fxRates, ledgerEntries, orderEvents, orderItems, orders, processors, shops, users } from "../schema";
import { hashApiKey } from "../../server/domain/shops/shops";
import { feeMinor, toUsdMinor } from "../../server/domain/money/money";
import { newOrderId } from "../../server/domain/orders/order-id";
import { PAID_STATUSES, type OrderStatus, type PaymentMethod } from "../../server/domain/orders/order-statuses";
import { rebuildDashboardRollups } from "../../server/domain/dashboard/rollups";
import { seededRandom } from "./random";
import { eq } from "drizzle-orm";

export interface DemoShopCredentials {
  apiId: string;
  apiKey: string;
}

/** The first demo shop's credentials: fixed by env, else derived from the install's secret so they print the same on every start. */
export function demoShopCredentials(authSecret: string): DemoShopCredentials {
  return {
    apiId: process.env.DEMO_SHOP_API_ID || "shop_demo01",
    apiKey: process.env.DEMO_SHOP_API_KEY || `sk_demo_${createHmac("sha256", authSecret).update("demo-shop").digest("base64url").slice(0, 32)}`,
  };
}

/** Where the bundled sandbox gateway listens and where it calls back (server/integrations/payments/sandbox/main.ts). */
function sandboxSettings(code: string): Record<string, string> {
  return {
    baseUrl: process.env.SANDBOX_GATEWAY_URL || "http://127.0.0.1:4010",
    callbackUrl: `${process.env.APP_BASE_URL || "http://localhost:3000"}/api/callbacks/${code}`,
  };
}

const BASE_RATES: Record<string, number> = { EUR: 1.08, GBP: 1.27, CAD: 0.73, AUD: 0.66 };
const FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Emma", "Oliver", "Sophie", "Lukas", "Hannah", "Lucas", "Chloe", "Noah", "Mia", "Liam"];
const LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Wilson", "Taylor", "Clarke", "Martin", "Thompson", "White", "Harris", "Walker", "Young", "King", "Wright", "Scott", "Müller", "Schmidt", "Dubois", "Rossi", "Jansen", "Andersson", "Nowak", "Kowalski", "O'Brien", "Murphy"];
const COUNTRIES: ReadonlyArray<readonly [{ code: string; currency: string; state: string; city: string }, number]> = [
  [{ code: "US", currency: "USD", state: "CA", city: "Los Angeles" }, 30],
  [{ code: "US", currency: "USD", state: "NY", city: "New York" }, 15],
  [{ code: "GB", currency: "GBP", state: "XX", city: "London" }, 12],
  [{ code: "DE", currency: "EUR", state: "XX", city: "Berlin" }, 10],
  [{ code: "FR", currency: "EUR", state: "XX", city: "Paris" }, 7],
  [{ code: "CA", currency: "CAD", state: "ON", city: "Toronto" }, 8],
  [{ code: "AU", currency: "AUD", state: "NSW", city: "Sydney" }, 7],
  [{ code: "IT", currency: "EUR", state: "XX", city: "Milan" }, 4],
  [{ code: "ES", currency: "EUR", state: "XX", city: "Madrid" }, 3],
  [{ code: "NL", currency: "EUR", state: "XX", city: "Amsterdam" }, 2],
  [{ code: "SE", currency: "EUR", state: "XX", city: "Stockholm" }, 2],
];
const PRODUCTS = [
  { sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", optionValue: "30 pills", price: 2000 },
  { sku: "VTB-20-60", name: "VITAMIN B", option: "20 mg", optionValue: "60 pills", price: 3600 },
  { sku: "OMG-1000-90", name: "OMEGA-3", option: "1000 mg", optionValue: "90 caps", price: 2900 },
  { sku: "MAG-400-60", name: "MAGNESIUM", option: "400 mg", optionValue: "60 tabs", price: 1800 },
  { sku: "ZNC-50-100", name: "ZINC", option: "50 mg", optionValue: "100 tabs", price: 1500 },
  { sku: "VTD-5000-120", name: "VITAMIN D3", option: "5000 IU", optionValue: "120 softgels", price: 2400 },
  { sku: "COQ-200-30", name: "COENZYME Q10", option: "200 mg", optionValue: "30 caps", price: 4200 },
  { sku: "PRB-50-30", name: "PROBIOTIC", option: "50 bn CFU", optionValue: "30 caps", price: 3900 },
];
const STATUS_WEIGHTS: ReadonlyArray<readonly [OrderStatus, number]> = [
  ["pending", 8], ["approved", 14], ["declined", 12], ["cancelled", 4], ["call_center", 5], ["packed", 6],
  ["shipped", 20], ["reshipped", 2], ["delivered", 18], ["refunded", 5], ["chargeback", 2], ["closed", 4],
];
const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
  "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
];
const DEVICE_OF_UA = ["desktop", "mobile", "mobile", "desktop", "tablet"];

function rateOn(currency: string, dayIndex: number): string {
  if (currency === "USD") return "1";
  const base = BASE_RATES[currency] ?? 1;
  return (base * (1 + 0.03 * Math.sin(dayIndex / 9 + currency.length))).toFixed(6);
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Three shops, four processors, half a year of FX rates and a few thousand orders in every
 * status, consistent with the rules (paid orders have ledger entries, refunds subtract).
 */
export async function seedDemoShopData(db: Db, options: { authSecret: string; orderCount?: number; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const random = seededRandom(20261123);
  const credentials = demoShopCredentials(options.authSecret);
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.role, "manager")).limit(1);

  const shopRows = await db
    .insert(shops)
    .values([
      { name: "VitaStore", hostname: "vitastore.example", apiId: credentials.apiId, apiKeyHash: hashApiKey(credentials.apiKey), apiKeyPrefix: credentials.apiKey.slice(0, 7), defaultCurrency: "USD", defaultManagerId: manager?.id ?? null },
      { name: "HealthPlus EU", hostname: "healthplus.example", apiId: "shop_demo02", apiKeyHash: hashApiKey(`${credentials.apiKey}-2`), apiKeyPrefix: "sk_demo", defaultCurrency: "EUR" },
      { name: "NutriMarket UK", hostname: "nutrimarket.example", apiId: "shop_demo03", apiKeyHash: hashApiKey(`${credentials.apiKey}-3`), apiKeyPrefix: "sk_demo", defaultCurrency: "GBP" },
    ])
    .returning();
  const processorRows = await db
    .insert(processors)
    .values([
      // Fee and history data. Adapter "manual" (no API calls) until an admin points them at a
      // gateway; in demo mode the API-backed pair "Sandbox Card A/B" is added at start-up by
      // db/seed/demo-sandbox.ts, once the in-process sandbox gateway runs.
      { code: "cardpay", name: "CardPay", feeBasisPoints: 450, feeFixedMinor: 30, methods: ["credit_card"], priority: 10, settings: sandboxSettings("cardpay") },
      { code: "paypal", name: "PayPal", feeBasisPoints: 349, feeFixedMinor: 49, methods: ["paypal"], priority: 20, settings: sandboxSettings("paypal") },
      { code: "coinpay", name: "CoinPay", feeBasisPoints: 100, feeFixedMinor: 0, methods: ["crypto"], priority: 30, settings: sandboxSettings("coinpay") },
      { code: "echeckpro", name: "eCheck Pro", feeBasisPoints: 80, feeFixedMinor: 25, methods: ["echeck"], priority: 40, settings: sandboxSettings("echeckpro") },
    ])
    .returning();
  const processorOf: Record<PaymentMethod, (typeof processorRows)[number]> = {
    credit_card: processorRows[0]!,
    paypal: processorRows[1]!,
    crypto: processorRows[2]!,
    echeck: processorRows[3]!,
  };

  const days = 190;
  const rates: Array<typeof fxRates.$inferInsert> = [];
  for (let d = 0; d <= days; d++) {
    const day = new Date(now.getTime() - (days - d) * 86_400_000).toISOString().slice(0, 10);
    for (const currency of Object.keys(BASE_RATES)) rates.push({ currency, day, usdPerUnit: rateOn(currency, d) });
  }
  await insertInBatches(rates, 500, (batch) => db.insert(fxRates).values(batch).onConflictDoNothing());

  const count = options.orderCount ?? 3000;
  const people = Array.from({ length: Math.round(count * 0.6) }, (_, i) => {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const place = random.weighted(COUNTRIES);
    return { first, last, email: `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ""), phone: `+1555${String(1000000 + i).slice(1)}`, place };
  });

  const customerRows = await (async () => {
    const rows: Array<{ id: string; email: string }> = [];
    await insertInBatches(people, 500, async (batch) => {
      const inserted = await db
        .insert(customers)
        .values(
          batch.map((p, i) => {
            const address = { country: p.place.code, state: p.place.state, city: p.place.city, zip: String(10000 + i), address: `${random.int(1, 999)} Main Street` };
            return {
              email: p.email,
              firstName: p.first,
              lastName: p.last,
              phone: p.phone,
              phones: [p.phone],
              billingAddress: address,
              shippingAddress: address,
              country: p.place.code,
              status: random.next() < 0.02 ? ("blocked" as const) : ("active" as const),
              managerId: manager && random.next() < 0.6 ? manager.id : null,
            };
          }),
        )
        .returning({ id: customers.id, email: customers.email });
      rows.push(...inserted);
    });
    return rows;
  })();

  const orderRows: Array<typeof orders.$inferInsert> = [];
  const itemRows: Array<typeof orderItems.$inferInsert> = [];
  const eventRows: Array<typeof orderEvents.$inferInsert> = [];
  const ledgerRows: Array<typeof ledgerEntries.$inferInsert> = [];
  for (let i = 0; i < count; i++) {
    const personIndex = random.int(0, people.length - 1);
    const person = people[personIndex]!;
    const customer = customerRows[personIndex]!;
    const shop = shopRows[random.weighted([[0, 5], [1, 3], [2, 2]] as const)]!;
    // More orders lately: the age skews towards today.
    const ageDays = Math.floor(180 * random.next() ** 1.6);
    const createdAt = new Date(now.getTime() - ageDays * 86_400_000 - random.int(0, 86_399) * 1000);
    const currency = person.place.currency;
    const usdPerUnit = rateOn(currency, days - ageDays);
    const method = random.weighted<PaymentMethod>([["credit_card", 70], ["paypal", 18], ["crypto", 7], ["echeck", 5]]);
    const status = random.weighted(STATUS_WEIGHTS);
    const lines = Array.from({ length: random.weighted([[1, 6], [2, 3], [3, 1]] as const) }, () => random.pick(PRODUCTS));
    const orderId = newOrderId();
    let subtotal = 0;
    lines.forEach((p, index) => {
      const quantity = random.weighted([[1, 7], [2, 2], [3, 1]] as const);
      subtotal += p.price * quantity;
      itemRows.push({ orderId, position: index + 1, productId: String(1000 + PRODUCTS.indexOf(p)), sku: p.sku, name: p.name, option: p.option, optionValue: p.optionValue, bonus: quantity > 1 ? "4 pills" : null, quantity, priceMinor: p.price, lineTotalMinor: p.price * quantity });
    });
    const shipping = random.pick([1495, 2495, 0]);
    const total = subtotal + shipping;
    const paid = PAID_STATUSES.includes(status) || status === "refunded" || status === "chargeback";
    const processor = paid || status === "declined" ? processorOf[method] : null;
    const uaIndex = random.int(0, USER_AGENTS.length - 1);
    const address = { country: person.place.code, state: person.place.state, city: person.place.city, zip: "10001", address: "1 Main Street" };
    const paidAt = paid ? new Date(createdAt.getTime() + 60_000) : null;
    const ccStatus = status === "call_center" ? random.pick(["new_inquiry", "new_inquiry", "awaiting_response", "failed", "refund_initiated", "reship_initiated"] as const) : null;
    const shippedAt = ["shipped", "reshipped", "delivered"].includes(status) ? new Date(createdAt.getTime() + 2 * 86_400_000) : null;
    orderRows.push({
      id: orderId,
      shopId: shop.id,
      shopOrderId: `${shop.name.slice(0, 3).toUpperCase()}${100000 + i}`,
      shopDomain: shop.hostname,
      customerId: customer.id,
      status,
      callCenterStatus: ccStatus,
      callCenterAt: status === "call_center" ? new Date(createdAt.getTime() + 120_000) : null,
      callCenterContactAt: ccStatus && ccStatus !== "new_inquiry" ? new Date(createdAt.getTime() + random.int(1, 48) * 3_600_000) : null,
      currency,
      subtotalMinor: subtotal,
      shippingMinor: shipping,
      totalMinor: total,
      usdPerUnit,
      totalUsdMinor: toUsdMinor(total, currency, usdPerUnit),
      deliveryMethodId: shipping === 2495 ? 2 : 1,
      paymentMethod: method,
      processorId: processor?.id ?? null,
      paymentId: processor ? `pay_${orderId.slice(4, 16)}` : null,
      cardBrand: method === "credit_card" ? random.pick(["visa", "mastercard"]) : null,
      cardLast4: method === "credit_card" ? String(random.int(1000, 9999)) : null,
      trackingNumber: shippedAt ? `LX${random.int(100000000, 999999999)}US` : null,
      customerFirstName: person.first,
      customerLastName: person.last,
      customerEmail: person.email,
      customerPhone: person.phone,
      customerIp: `198.51.100.${random.int(1, 254)}`,
      billingAddress: address,
      shippingAddress: address,
      country: person.place.code,
      language: "ENG",
      device: { userAgent: USER_AGENTS[uaIndex] },
      deviceType: DEVICE_OF_UA[uaIndex],
      requestHash: `demo-${i}`,
      paidAt,
      shippedAt,
      refundedAt: status === "refunded" ? new Date(createdAt.getTime() + 5 * 86_400_000) : null,
      chargebackAt: status === "chargeback" ? new Date(createdAt.getTime() + 20 * 86_400_000) : null,
      createdAt,
      updatedAt: createdAt,
    });
    eventRows.push({ orderId, type: "created", actorType: "shop", actorId: shop.id, actorName: shop.name, toStatus: "pending", message: `Order received from ${shop.hostname}`, createdAt });
    if (status !== "pending") {
      eventRows.push({ orderId, type: "status_changed", actorType: "system", actorName: "Demo data", fromStatus: "pending", toStatus: status, createdAt: new Date(createdAt.getTime() + 120_000) });
    }
    if (paid && processor && paidAt) {
      const usd = (minor: number) => toUsdMinor(minor, currency, usdPerUnit);
      const fee = feeMinor(total, processor.feeBasisPoints, processor.feeFixedMinor);
      ledgerRows.push({ orderId, kind: "sale", amountMinor: total, currency, usdMinor: usd(total), processorId: processor.id, createdAt: paidAt });
      ledgerRows.push({ orderId, kind: "processor_fee", amountMinor: -fee, currency, usdMinor: usd(-fee), processorId: processor.id, createdAt: paidAt });
      if (status === "refunded" || status === "chargeback") {
        ledgerRows.push({ orderId, kind: status === "refunded" ? "refund" : "chargeback", amountMinor: -total, currency, usdMinor: usd(-total), processorId: processor.id, createdAt: new Date(createdAt.getTime() + 5 * 86_400_000) });
      }
    }
  }
  orderRows.sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  await insertInBatches(orderRows, 300, (batch) => db.insert(orders).values(batch));
  await insertInBatches(itemRows, 1000, (batch) => db.insert(orderItems).values(batch));
  await insertInBatches(eventRows, 1000, (batch) => db.insert(orderEvents).values(batch));
  await insertInBatches(ledgerRows, 1000, (batch) => db.insert(ledgerEntries).values(batch));
  await db.execute(sql`
    update customers c set
      orders_count = s.n, total_usd_minor = s.usd, first_order_at = s.first_at, last_order_at = s.last_at
    from (select customer_id, count(*) n, sum(total_usd_minor) usd, min(created_at) first_at, max(created_at) last_at from orders group by customer_id) s
    where s.customer_id = c.id`);
  // The dashboard reads completed days from its rollups: build them for the history just written.
  await rebuildDashboardRollups(db, { now });
}
