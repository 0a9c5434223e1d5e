import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prices, priceTypes } from "@/db/schema";
import type { PriceRequestLine, PriceResult } from "./types";

/**
 * PLACEHOLDER until the resolver lands: prices every line at the default price type with no
 * discounts. Same signature the real implementation keeps: (db, buyer user id or null for staff
 * previews, lines, display currency) → priced lines with explanations.
 */
export async function priceForBuyer(db: Db, _userId: string | null, lines: PriceRequestLine[], displayCurrency?: string): Promise<PriceResult> {
  const [type] = await db.select().from(priceTypes).where(eq(priceTypes.isDefault, true));
  const ids = [...new Set(lines.map((l) => l.variantId))];
  const rows = type && ids.length > 0 ? await db.select().from(prices).where(and(eq(prices.priceTypeId, type.id), inArray(prices.variantId, ids))) : [];
  const byVariant = new Map(rows.map((r) => [r.variantId, r]));
  const currency = displayCurrency ?? type?.currency ?? "RUB";
  const priced = lines.map((line) => {
    const price = byVariant.get(line.variantId);
    const unitMinor = price?.amountMinor ?? 0;
    return {
      variantId: line.variantId,
      quantity: line.quantity,
      unit: line.unit ?? "pcs",
      priceTypeCode: type?.code ?? "none",
      priceTypeSource: "default" as const,
      baseUnitMinor: unitMinor,
      unitMinor,
      lineTotalMinor: unitMinor * line.quantity,
      currency: price?.currency ?? currency,
      available: Boolean(price),
      steps: [{ code: "base.default", params: { type: type?.name ?? "" } }],
    };
  });
  return { lines: priced, currency, totalMinor: priced.reduce((s, l) => s + l.lineTotalMinor, 0), personal: false };
}
