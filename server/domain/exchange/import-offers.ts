import { eq, sql } from "drizzle-orm";
import { rowsOf } from "../../../db/client";
import { priceTypes, warehouses } from "../../../db/schema";
import { jsonRecords, jsonTextArray } from "./bulk-sql";
import { toMinorUnits, currencyExponent } from "../money/money";
import { child, children, textOf, type XmlNode } from "../../integrations/commerceml/xml-stream";
import { decimalText, type ImportContext } from "./import-context";
import { PipelinedBatches } from "./pipelined-batches";

export function offersSelector(path: readonly string[]): string | null {
  const name = path[path.length - 1];
  const parent = path[path.length - 2];
  if (!path.includes("ПакетПредложений") && !path.includes("ИзмененияПакетаПредложений")) return null;
  if (name === "ТипЦены" && parent === "ТипыЦен") return "priceType";
  if (name === "Склад" && parent === "Склады") return "warehouse";
  if (name === "Предложение" && parent === "Предложения") return "offer";
  return null;
}

/** A decimal price → minor units, rounding half up past the currency's exponent (1C may send 4 decimals). */
export function priceMinor(raw: string, currency: string): number | null {
  const text = decimalText(raw);
  if (text === null) return null;
  const exact = toMinorUnits(text, currency);
  if (exact !== null) return exact;
  const minor = Math.round(Number(text) * 10 ** currencyExponent(currency));
  return Number.isSafeInteger(minor) ? minor : null;
}

interface ParsedOffer {
  erpId: string;
  productErpId: string;
  name: string;
  options: Record<string, string>;
  prices: { typeErpId: string; amount: string; currency: string }[];
  stock: { warehouseErpId: string; quantity: string }[];
}

function parseOffer(node: XmlNode): ParsedOffer | null {
  const erpId = textOf(node, "Ид");
  if (!erpId) return null;
  const options: Record<string, string> = {};
  for (const c of children(child(node, "ХарактеристикиТовара"), "ХарактеристикаТовара")) {
    const key = textOf(c, "Наименование");
    if (key) options[key] = textOf(c, "Значение");
  }
  const stockRows: ParsedOffer["stock"] = [];
  for (const s of children(node, "Склад")) {
    const warehouseErpId = s.attrs["ИдСклада"];
    const quantity = decimalText(s.attrs["КоличествоНаСкладе"] ?? "");
    if (warehouseErpId && quantity !== null) stockRows.push({ warehouseErpId, quantity });
  }
  // CommerceML 2.08+: <Остатки><Остаток><Склад><Ид/><Количество/></Склад></Остаток></Остатки>
  for (const rest of children(child(node, "Остатки"), "Остаток")) {
    for (const s of children(rest, "Склад")) {
      const quantity = decimalText(textOf(s, "Количество"));
      if (textOf(s, "Ид") && quantity !== null) stockRows.push({ warehouseErpId: textOf(s, "Ид"), quantity });
    }
  }
  return {
    erpId,
    productErpId: erpId.split("#")[0]!,
    name: textOf(node, "Наименование"),
    options,
    prices: children(child(node, "Цены"), "Цена").map((p) => ({ typeErpId: textOf(p, "ИдТипаЦены"), amount: textOf(p, "ЦенаЗаЕдиницу"), currency: textOf(p, "Валюта") })),
    stock: stockRows,
  };
}

/** Offers: price types and warehouses mapped to ours (by 1C id, then by name), variants, prices and stock per warehouse. */
export class OffersBatcher extends PipelinedBatches<ParsedOffer> {
  private readonly priceTypeIds = new Map<string, { id: string; currency: string }>();
  private readonly warehouseIds = new Map<string, string>();
  private loaded = false;
  constructor(private readonly ctx: ImportContext) {
    super();
  }

  private async loadMaps(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    for (const t of await this.ctx.tx.select().from(priceTypes)) if (t.erpId) this.priceTypeIds.set(t.erpId, { id: t.id, currency: t.currency });
    for (const w of await this.ctx.tx.select().from(warehouses)) if (w.erpId) this.warehouseIds.set(w.erpId, w.id);
  }

  async priceType(node: XmlNode): Promise<void> {
    await this.loadMaps();
    const erpId = textOf(node, "Ид");
    const name = textOf(node, "Наименование");
    if (!erpId || !name) return;
    const currency = (textOf(node, "Валюта") || "RUB").toUpperCase();
    const { tx } = this.ctx;
    const [byId] = await tx.select().from(priceTypes).where(eq(priceTypes.erpId, erpId));
    if (byId) {
      this.priceTypeIds.set(erpId, { id: byId.id, currency: byId.currency });
      return;
    }
    const [byName] = await tx.select().from(priceTypes).where(sql`lower(${priceTypes.name}) = lower(${name}) and ${priceTypes.erpId} is null`);
    if (byName) {
      await tx.update(priceTypes).set({ erpId }).where(eq(priceTypes.id, byName.id));
      this.priceTypeIds.set(erpId, { id: byName.id, currency: byName.currency });
      return;
    }
    const [rank] = await tx.select({ max: sql<number>`coalesce(max(${priceTypes.rank}), -1)::int` }).from(priceTypes);
    const [created] = await tx
      .insert(priceTypes)
      .values({ erpId, name, code: `1c-${erpId}`, currency, rank: (rank?.max ?? -1) + 1 })
      .returning({ id: priceTypes.id });
    this.priceTypeIds.set(erpId, { id: created!.id, currency });
  }

  async warehouse(node: XmlNode): Promise<void> {
    await this.loadMaps();
    const erpId = textOf(node, "Ид");
    const name = textOf(node, "Наименование");
    if (!erpId || !name) return;
    const { tx } = this.ctx;
    const [byId] = await tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.erpId, erpId));
    if (byId) {
      this.warehouseIds.set(erpId, byId.id);
      return;
    }
    const [byName] = await tx.select({ id: warehouses.id }).from(warehouses).where(sql`lower(${warehouses.name}) = lower(${name}) and ${warehouses.erpId} is null`);
    if (byName) {
      await tx.update(warehouses).set({ erpId }).where(eq(warehouses.id, byName.id));
      this.warehouseIds.set(erpId, byName.id);
      return;
    }
    const address = textOf(child(node, "Адрес"), "Представление") || null;
    const [created] = await tx.insert(warehouses).values({ erpId, name, code: `1c-${erpId}`, address }).returning({ id: warehouses.id });
    this.warehouseIds.set(erpId, created!.id);
  }

  async add(node: XmlNode): Promise<void> {
    await this.loadMaps();
    const parsed = parseOffer(node);
    if (!parsed) {
      this.ctx.log({ category: "prices", entity: "offer", externalId: null, label: textOf(node, "Наименование") || null, status: "error", message: "Предложение без Ид" });
      return;
    }
    await this.push(parsed);
  }

  protected async writeBatch(batch: ParsedOffer[]): Promise<void> {
    const { tx } = this.ctx;

    const variantIds = new Map<string, string>();
    const found = rowsOf<{ id: string; erp_id: string }>(await tx.execute(sql`select id, erp_id from product_variants where erp_id = any(${jsonTextArray(batch.map((o) => o.erpId))})`));
    for (const f of found) variantIds.set(f.erp_id, f.id);

    // Offers of characteristics ("product#characteristic") are variants of their product.
    const withCharacteristic = batch.filter((o) => o.erpId.includes("#"));
    if (withCharacteristic.length > 0) {
      const owners = rowsOf<{ id: string; erp_id: string; sku: string }>(
        await tx.execute(sql`select id, erp_id, sku from products where erp_id = any(${jsonTextArray([...new Set(withCharacteristic.map((o) => o.productErpId))])})`),
      );
      const byErp = new Map(owners.map((p) => [p.erp_id, p]));
      const rows = withCharacteristic.flatMap((o) => {
        const product = byErp.get(o.productErpId);
        if (!product) return [];
        const characteristic = o.erpId.slice(o.erpId.indexOf("#") + 1);
        return [{ product_id: product.id, erp_id: o.erpId, sku: `${product.sku}-${characteristic.slice(0, 8)}`, name: o.name || product.sku, options: o.options }];
      });
      if (rows.length > 0) {
        const written = rowsOf<{ id: string; erp_id: string }>(
          await tx.execute(sql`
            insert into product_variants (product_id, erp_id, sku, name, options, is_default)
            select r.product_id, r.erp_id, r.sku, r.name, r.options, false from ${jsonRecords(rows, "product_id uuid, erp_id text, sku text, name text, options jsonb")}
            on conflict (erp_id) do update set name = excluded.name, options = excluded.options
            where (product_variants.name, product_variants.options) is distinct from (excluded.name, excluded.options)
            returning id, erp_id`),
        );
        for (const w of written) variantIds.set(w.erp_id, w.id);
      }
    }

    const priceRows: { variant_id: string; price_type_id: string; amount_minor: number; currency: string }[] = [];
    const stockRows: { variant_id: string; warehouse_id: string; quantity: string }[] = [];
    const priceCounts = this.ctx.count("prices");
    const stockCounts = this.ctx.count("stock");
    for (const o of batch) {
      const variantId = variantIds.get(o.erpId);
      if (!variantId) {
        this.ctx.log({ category: "prices", entity: "offer", externalId: o.erpId, label: o.name || null, status: "error", message: `Товар ${o.productErpId} не выгружен (нет в каталоге)` });
        continue;
      }
      if (o.prices.length > 0) priceCounts.total += 1;
      for (const p of o.prices) {
        const type = this.priceTypeIds.get(p.typeErpId);
        const currency = (p.currency || type?.currency || "RUB").toUpperCase();
        const amount = priceMinor(p.amount, currency);
        if (!type || amount === null) {
          this.ctx.log({ category: "prices", entity: "offer", externalId: o.erpId, label: o.name || null, status: "error", message: type ? `Цена «${p.amount}» не число` : `Неизвестный тип цен ${p.typeErpId}` });
          continue;
        }
        priceRows.push({ variant_id: variantId, price_type_id: type.id, amount_minor: amount, currency });
      }
      if (o.stock.length > 0) stockCounts.total += 1;
      for (const s of o.stock) {
        const warehouseId = this.warehouseIds.get(s.warehouseErpId);
        if (!warehouseId) {
          this.ctx.log({ category: "stock", entity: "offer", externalId: o.erpId, label: o.name || null, status: "error", message: `Неизвестный склад ${s.warehouseErpId}` });
          continue;
        }
        stockRows.push({ variant_id: variantId, warehouse_id: warehouseId, quantity: s.quantity });
      }
    }
    const uniquePrices = [...new Map(priceRows.map((r) => [`${r.variant_id}:${r.price_type_id}`, r])).values()];
    if (uniquePrices.length > 0) {
      const written = rowsOf<{ inserted: boolean }>(
        await tx.execute(sql`
          insert into prices (variant_id, price_type_id, amount_minor, currency)
          select r.variant_id, r.price_type_id, r.amount_minor, r.currency from ${jsonRecords(uniquePrices, "variant_id uuid, price_type_id uuid, amount_minor bigint, currency text")}
          on conflict (price_type_id, variant_id) do update set amount_minor = excluded.amount_minor, currency = excluded.currency, updated_at = now()
          where (prices.amount_minor, prices.currency) is distinct from (excluded.amount_minor, excluded.currency)
          returning (xmax = 0) as inserted`),
      );
      for (const w of written) {
        if (w.inserted) priceCounts.created += 1;
        else priceCounts.updated += 1;
      }
    }
    const uniqueStock = [...new Map(stockRows.map((r) => [`${r.variant_id}:${r.warehouse_id}`, r])).values()];
    if (uniqueStock.length > 0) {
      const written = rowsOf<{ inserted: boolean }>(
        await tx.execute(sql`
          insert into stock (variant_id, warehouse_id, quantity)
          select r.variant_id, r.warehouse_id, r.quantity from ${jsonRecords(uniqueStock, "variant_id uuid, warehouse_id uuid, quantity numeric")}
          on conflict (variant_id, warehouse_id) do update set quantity = excluded.quantity, updated_at = now()
          where stock.quantity is distinct from excluded.quantity
          returning (xmax = 0) as inserted`),
      );
      for (const w of written) {
        if (w.inserted) stockCounts.created += 1;
        else stockCounts.updated += 1;
      }
    }
  }
}

