/**
 * npm run bench:pricing — the price resolver on a 1,000-line cart.
 *  1. The pure resolver (no database): an in-memory context with 200 discount rules, 50 mass
 *     rules and 5 cart-total tiers; 200 timed runs after 20 warm-ups; p50 / p95 (target < 50 ms).
 *  2. priceForBuyer end to end on PostgreSQL: a scratch database with the same rules and 1,000
 *     variants (4 prices each, a 3-level category tree), the buyer's active company, loader and
 *     resolver; 50 timed runs after 5 warm-ups. The database is dropped afterwards.
 *
 * Env: BENCH_DATABASE_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_SKIP_DB=1 runs only the pure part, BENCH_KEEP=1 keeps the database.
 */
import os from "node:os";
import postgres from "postgres";
import { openDatabase, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import {
  brands, categories, companies, companyMembers, contracts, discountRules, fxRates, holdings, massRules, prices, priceTiers, priceTypes, productCategories, products,
  productUnits, productVariants, regions, users,
} from "../db/schema";
import type { DiscountRuleInfo, MassRuleInfo, PriceTierInfo, PricingContext, ProductFacts } from "../server/domain/pricing/context-types";
import { priceForBuyer } from "../server/domain/pricing/price-for-buyer";
import { resolvePrices } from "../server/domain/pricing/resolve-prices";
import type { PriceRequestLine } from "../server/domain/pricing/types";

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DB_NAME = "t3_bench_pricing";
const LINES = 1_000;
const DISCOUNTS = 200;
const MASS = 50;
const TIERS = 5;
const PURE_RUNS = 200;
const DB_RUNS = 50;
const DAY = new Date().toISOString().slice(0, 10);

/** A tiny deterministic PRNG, so every run benchmarks the same data. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (prefix: number, n: number) => `${prefix.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

interface World {
  typeIds: string[];
  brandIds: string[];
  /** [root, child, leaf] per leaf category. */
  leaves: [string, string, string][];
  regionId: string;
  companyId: string;
  holdingId: string;
  contractId: string;
  facts: ProductFacts[];
  discounts: DiscountRuleInfo[];
  mass: MassRuleInfo[];
  tiers: PriceTierInfo[];
}

/** 50 brands, a 10 × 10 × 10 category tree, 1,000 variants with 4 prices, and the rules. */
function buildWorld(): World {
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const typeIds = [0, 1, 2, 3].map((i) => uuid(1, i));
  const brandIds = Array.from({ length: 50 }, (_, i) => uuid(2, i));
  const leaves: [string, string, string][] = [];
  for (let r = 0; r < 10; r += 1) for (let c = 0; c < 10; c += 1) for (let l = 0; l < 10; l += 1) leaves.push([uuid(3, r), uuid(3, 1000 + r * 10 + c), uuid(3, 100_000 + r * 100 + c * 10 + l)]);
  const regionId = uuid(4, 1);
  const companyId = uuid(5, 1);
  const holdingId = uuid(6, 1);
  const contractId = uuid(7, 1);
  const lines = ["Valena", "Etika", "Atlas", "Glossa", "Unica", "Sedna", null] as const;
  const facts: ProductFacts[] = Array.from({ length: LINES }, (_, i) => {
    const retail = 1_000 + Math.floor(random() * 500_000);
    const leaf = leaves[i % leaves.length]!;
    return {
      variantId: uuid(8, i),
      productId: uuid(9, i),
      sku: `SKU-${String(i).padStart(6, "0")}-A`,
      productSku: `SKU-${String(i).padStart(6, "0")}`,
      brandId: pick(brandIds),
      line: pick(lines),
      categoryIds: [...leaf],
      prices: Object.fromEntries(typeIds.map((id, k) => [id, { amountMinor: Math.round(retail * (1 - k * 0.05)), currency: "RUB" }])),
      unitRatios: { box: "12" },
      baseUnit: "pcs",
    };
  });
  const scopes = [{ companyId }, { holdingId }, { regionId }, {}, { contractId }, { companyId: uuid(5, 99) }] as const;
  const targets = ["category", "brand", "category_brand", "sku_list"] as const;
  const discounts: DiscountRuleInfo[] = Array.from({ length: DISCOUNTS }, (_, i) => {
    const target = targets[i % targets.length]!;
    const leaf = pick(leaves);
    return {
      id: uuid(10, i),
      name: `Discount ${i}`,
      contractId: null,
      companyId: null,
      holdingId: null,
      regionId: null,
      ...pick(scopes),
      target,
      categoryId: target === "category" || target === "category_brand" ? leaf[Math.floor(random() * 3)]! : null,
      brandId: target === "brand" || target === "category_brand" ? pick(brandIds) : null,
      skus: target === "sku_list" ? Array.from({ length: 20 }, () => pick(facts).sku) : [],
      percent: (1 + Math.floor(random() * 2500) / 100).toFixed(2),
      priority: Math.floor(random() * 200),
      validFrom: null,
      validTo: null,
      isActive: random() > 0.05,
    };
  });
  const mass: MassRuleInfo[] = Array.from({ length: MASS }, (_, i) => ({
    id: uuid(11, i),
    name: `Mass ${i}`,
    brandId: random() > 0.3 ? pick(brandIds) : null,
    line: random() > 0.5 ? pick(lines) : null,
    categoryId: random() > 0.6 ? pick(leaves)[0] : null,
    regionId: random() > 0.5 ? regionId : null,
    adjustPercent: ((random() - 0.4) * 10).toFixed(2),
    validFrom: null,
    validTo: null,
    isActive: true,
  }));
  const tiers: PriceTierInfo[] = Array.from({ length: TIERS }, (_, i) => ({
    id: uuid(12, i),
    name: `Tier ${i}`,
    // The cart (≈ 250 M minor) reaches the first tiers only.
    thresholdMinor: (i + 1) * 150_000_000,
    currency: "RUB",
    priceTypeId: typeIds[Math.min(3, 1 + (i % 3))]!,
    regionId: i === 4 ? regionId : null,
    isActive: true,
  }));
  return { typeIds, brandIds, leaves, regionId, companyId, holdingId, contractId, facts, discounts, mass, tiers };
}

function contextOf(world: World): PricingContext {
  return {
    day: DAY,
    company: { id: world.companyId, name: "Bench LLC", priceTypeId: null, regionId: world.regionId, holdingId: world.holdingId },
    contract: { id: world.contractId, number: "B-1", priceTypeId: world.typeIds[1]! },
    holding: { id: world.holdingId, name: "Bench Holding", priceTypeId: null },
    region: { id: world.regionId, code: "msk", name: "Moscow", priceTypeId: null },
    priceTypes: world.typeIds.map((id, rank) => ({ id, code: `type_${rank}`, name: `Type ${rank}`, rank, currency: "RUB", isDefault: rank === 0, isActive: true })),
    discountRules: world.discounts,
    massRules: world.mass,
    tiers: world.tiers,
    conflictRule: "largest",
    usdPerUnit: { RUB: "0.0108", EUR: "1.08" },
    personal: true,
    names: { brands: {}, categories: {} },
  };
}

function cartOf(world: World): PriceRequestLine[] {
  return world.facts.map((f, i) => ({ variantId: f.variantId, quantity: 1 + (i % 7), ...(i % 10 === 0 ? { unit: "box" } : {}) }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Samples {
  wall: number[];
  /** This process's CPU time (user + system) per run: on a shared, overloaded box the wall time also counts waiting for a core. */
  cpu: number[];
}

function summary(label: string, samples: Samples, target?: number): string {
  const wall = [...samples.wall].sort((a, b) => a - b);
  const cpu = [...samples.cpu].sort((a, b) => a - b);
  const p95 = percentile(wall, 95);
  const verdict = target === undefined ? "" : p95 < target ? `  ✓ p95 < ${target} ms` : `  ✗ p95 ≥ ${target} ms`;
  const f = (n: number) => n.toFixed(2).padStart(7);
  return `${label.padEnd(46)} wall p50 ${f(percentile(wall, 50))} p95 ${f(p95)} ms | cpu p50 ${f(percentile(cpu, 50))} p95 ${f(percentile(cpu, 95))} ms  (n=${wall.length})${verdict}`;
}

async function timeRuns(runs: number, warmups: number, work: () => unknown | Promise<unknown>): Promise<Samples> {
  for (let i = 0; i < warmups; i += 1) await work();
  const samples: Samples = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i += 1) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await work();
    samples.wall.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    samples.cpu.push((cpu.user + cpu.system) / 1000);
  }
  return samples;
}

async function benchPure(world: World): Promise<void> {
  const context = contextOf(world);
  const facts = new Map(world.facts.map((f) => [f.variantId, f]));
  const cart = cartOf(world);
  const probe = resolvePrices(context, cart, facts, "RUB");
  const discounted = probe.lines.filter((l) => l.discountPercent).length;
  const tiered = probe.lines.filter((l) => l.priceTypeSource === "tier").length;
  const massed = probe.lines.filter((l) => l.steps.some((s) => s.code === "mass.applied")).length;
  console.log(`Pure resolver: ${LINES} lines, ${DISCOUNTS} discount rules, ${MASS} mass rules, ${TIERS} tiers → ${discounted} lines discounted, ${massed} with mass rules, ${tiered} at a tier's type`);
  console.log(summary("resolvePrices, RUB", await timeRuns(PURE_RUNS, 20, () => resolvePrices(context, cart, facts, "RUB")), 50));
  console.log(summary("resolvePrices, converted to USD", await timeRuns(PURE_RUNS, 20, () => resolvePrices(context, cart, facts, "USD")), 50));
  console.log(summary("resolvePrices, one line (card/catalog tile)", await timeRuns(PURE_RUNS, 20, () => resolvePrices(context, cart.slice(0, 1), facts, "RUB"))));
}

async function seedDatabase(db: Db, world: World): Promise<string> {
  await db.insert(priceTypes).values(world.typeIds.map((id, rank) => ({ id, code: `type_${rank}`, name: `Type ${rank}`, rank, currency: "RUB", isDefault: rank === 0 })));
  await db.insert(regions).values({ id: world.regionId, code: "msk", name: "Moscow", isDefault: true });
  await db.insert(holdings).values({ id: world.holdingId, name: "Bench Holding" });
  await db.insert(companies).values([
    { id: world.companyId, name: "Bench LLC", inn: "7707083893", kpp: "770701001", holdingId: world.holdingId, regionId: world.regionId },
    { id: uuid(5, 99), name: "Other LLC", inn: "7707083893", kpp: "770701002", regionId: world.regionId },
  ]);
  await db.insert(contracts).values({ id: world.contractId, companyId: world.companyId, number: "B-1", priceTypeId: world.typeIds[1]!, isDefault: true });
  await db.insert(brands).values(world.brandIds.map((id, i) => ({ id, name: `Brand ${i}`, slug: `brand-${i}` })));
  const roots = [...new Set(world.leaves.map((l) => l[0]))];
  const children = [...new Map(world.leaves.map((l) => [l[1], l])).values()];
  await db.insert(categories).values(roots.map((id, i) => ({ id, name: `Root ${i}`, slug: `root-${i}`, path: `/${id}/`, depth: 0 })));
  await db.insert(categories).values(children.map(([root, id], i) => ({ id, parentId: root, name: `Child ${i}`, slug: `child-${i}`, path: `/${root}/${id}/`, depth: 1 })));
  await db.insert(categories).values(world.leaves.map(([root, child, id], i) => ({ id, parentId: child, name: `Leaf ${i}`, slug: `leaf-${i}`, path: `/${root}/${child}/${id}/`, depth: 2 })));
  await db.insert(products).values(world.facts.map((f) => ({ id: f.productId, sku: f.productSku, name: `Product ${f.productSku}`, slug: f.productSku.toLowerCase(), brandId: f.brandId, line: f.line, mainCategoryId: f.categoryIds[2]! })));
  // Only the direct (leaf) link: the loader finds the ancestors through the category path.
  await db.insert(productCategories).values(world.facts.map((f) => ({ productId: f.productId, categoryId: f.categoryIds[2]! })));
  await db.insert(productVariants).values(world.facts.map((f) => ({ id: f.variantId, productId: f.productId, sku: f.sku, name: "default", isDefault: true })));
  await db.insert(prices).values(world.facts.flatMap((f) => Object.entries(f.prices).map(([priceTypeId, p]) => ({ variantId: f.variantId, priceTypeId, amountMinor: p.amountMinor, currency: p.currency }))));
  await db.insert(productUnits).values(world.facts.map((f) => ({ productId: f.productId, unit: "box", ratio: "12" })));
  await db.insert(discountRules).values(world.discounts.map(({ id: _id, ...rule }) => rule));
  await db.insert(massRules).values(world.mass.map(({ id: _id, ...rule }) => rule));
  await db.insert(priceTiers).values(world.tiers.map(({ id: _id, ...tier }) => tier));
  await db.insert(fxRates).values([
    { currency: "RUB", day: DAY, usdPerUnit: "0.0108" },
    { currency: "EUR", day: DAY, usdPerUnit: "1.08" },
  ]);
  const [buyer] = await db.insert(users).values({ kind: "buyer", role: "buyer", name: "Bench buyer", email: "bench@buyer.local", passwordHash: "x" }).returning();
  await db.insert(companyMembers).values({ userId: buyer!.id, companyId: world.companyId, accessLevel: 2, isDefault: true });
  return buyer!.id;
}

async function benchDatabase(world: World): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  const handle = openDatabase({ driver: "postgres", url: url.toString(), maxConnections: 5 });
  try {
    await migrateDatabase(handle);
    const started = performance.now();
    const buyerId = await seedDatabase(handle.db, world);
    await handle.db.execute("analyze");
    console.log(`\nPostgreSQL: seeded ${LINES} variants and the rules in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const cart = cartOf(world);
    const probe = await priceForBuyer(handle.db, buyerId, cart, "RUB");
    console.log(`priceForBuyer check: ${probe.lines.filter((l) => l.available).length}/${LINES} available, ${probe.lines.filter((l) => l.discountPercent).length} discounted, total ${probe.totalMinor} ${probe.currency}`);
    console.log(summary("priceForBuyer, 1,000 lines, RUB (end to end)", await timeRuns(DB_RUNS, 5, () => priceForBuyer(handle.db, buyerId, cart, "RUB"))));
    console.log(summary("priceForBuyer, 1,000 lines, USD (end to end)", await timeRuns(DB_RUNS, 5, () => priceForBuyer(handle.db, buyerId, cart, "USD"))));
    console.log(summary("priceForBuyer, 24 lines (a catalog page)", await timeRuns(DB_RUNS, 5, () => priceForBuyer(handle.db, buyerId, cart.slice(0, 24), "RUB"))));
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP !== "1") await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  console.log(`bench:pricing on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, day ${DAY}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);
  const world = buildWorld();
  await benchPure(world);
  if (process.env.BENCH_SKIP_DB !== "1") await benchDatabase(world);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
