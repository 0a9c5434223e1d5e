import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, products, productVariants } from "@/db/schema";
import type { Role } from "@/server/auth/roles";
import { notFound } from "../../errors";
import { priceForBuyer, priceForCompany } from "../price-for-buyer";
import { normalizeSku } from "../resolve-prices";
import type { PricedLine, PriceResult } from "../types";
import { companyScope } from "./pricing-lookups";
import type { PriceCheckInput } from "./pricing-schemas";

export interface PriceCheckLine extends PricedLine {
  requestedSku: string;
  name: string;
}

export interface PriceCheckResult extends Omit<PriceResult, "lines"> {
  company: { id: string; name: string } | null;
  lines: PriceCheckLine[];
  notFound: string[];
}

/**
 * The manager's "why this price?" panel: SKUs and quantities priced exactly as the company's
 * buyers see them (full individual prices), every line with its explanation steps. A SKU is a
 * variant's SKU or a product's (then its default variant).
 */
export async function priceCheck(db: Db, user: { id: string; role: Role }, input: PriceCheckInput): Promise<PriceCheckResult> {
  let company: { id: string; name: string } | null = null;
  if (input.companyId) {
    const [row] = await db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(and(eq(companies.id, input.companyId), companyScope(db, user)));
    if (!row) throw notFound("Company");
    company = row;
  }
  const wanted = [...new Set(input.items.map((i) => normalizeSku(i.sku)))];
  const rows = await db
    .select({ variantId: productVariants.id, variantSku: productVariants.sku, productSku: products.sku, isDefault: productVariants.isDefault, name: productVariants.name, productName: products.name })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(sql`upper(${productVariants.sku}) = any(string_to_array(${wanted.join("\u001f")}, chr(31))) or upper(${products.sku}) = any(string_to_array(${wanted.join("\u001f")}, chr(31)))`)
    .orderBy(desc(productVariants.isDefault), productVariants.sort);
  const bySku = new Map<string, (typeof rows)[number]>();
  for (const row of rows) bySku.set(normalizeSku(row.variantSku), row);
  for (const row of rows) if (!bySku.has(normalizeSku(row.productSku))) bySku.set(normalizeSku(row.productSku), row);

  const found = input.items.flatMap((item) => {
    const row = bySku.get(normalizeSku(item.sku));
    return row ? [{ item, row }] : [];
  });
  const missing = input.items.filter((item) => !bySku.has(normalizeSku(item.sku))).map((item) => item.sku);
  const requests = found.map(({ item, row }) => ({ variantId: row.variantId, quantity: item.quantity, ...(item.unit ? { unit: item.unit } : {}) }));
  const result = company ? await priceForCompany(db, company.id, requests, input.currency, { day: input.day }) : await priceForBuyer(db, null, requests, input.currency, { day: input.day });
  return {
    currency: result.currency,
    totalMinor: result.totalMinor,
    personal: result.personal,
    company,
    notFound: missing,
    lines: result.lines.map((line, i) => {
      const { item, row } = found[i]!;
      return { ...line, requestedSku: item.sku, name: row.name && row.name !== row.productName ? `${row.productName} · ${row.name}` : row.productName };
    }),
  };
}
