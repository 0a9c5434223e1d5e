import type { SkuMapping } from "../../../db/schema";

export interface RoutableShipper {
  id: string;
  name: string;
  isEnabled: boolean;
  priority: number;
  countries: string[];
  skus: string[];
}

/**
 * The routing rule: among enabled shippers, lowest priority first, the first one that serves
 * the destination country (empty list = any) and stocks every SKU of the order (empty = any).
 */
export function pickShipper<T extends RoutableShipper>(candidates: readonly T[], order: { country: string; skus: readonly string[] }): T | null {
  const country = order.country.toUpperCase();
  const sorted = [...candidates].filter((s) => s.isEnabled).sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  return (
    sorted.find(
      (s) => (s.countries.length === 0 || s.countries.includes(country)) && (s.skus.length === 0 || order.skus.every((sku) => s.skus.includes(sku))),
    ) ?? null
  );
}

/** The order's lines in the shipper's product codes; quantities multiplied for bonus packs. */
export function mapLines(items: ReadonlyArray<{ sku: string; name: string; quantity: number }>, skuMap: readonly SkuMapping[]) {
  const bySku = new Map(skuMap.map((m) => [m.sku, m]));
  return items.map((item) => {
    const mapping = bySku.get(item.sku);
    return { sku: item.sku, code: mapping?.code ?? item.sku, name: item.name, quantity: item.quantity * (mapping?.multiplier ?? 1) };
  });
}

/** The customer's link for a tracking number: the shipper's template, or a carrier-independent tracker. */
export function trackingLink(trackingNumber: string, template: string | undefined): string {
  const number = encodeURIComponent(trackingNumber.trim());
  if (template && template.includes("{tracking_number}")) return template.replaceAll("{tracking_number}", number);
  return `https://t.17track.net/en#nums=${number}`;
}
