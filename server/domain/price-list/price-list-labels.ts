/** The words a generated price list prints; the edge fills them from the i18n layer (priceList.file.*). */
export interface PriceListLabels {
  title: string;
  company: string;
  region: string;
  generated: string;
  publicPrices: string;
  sku: string;
  name: string;
  brand: string;
  section: string;
  unit: string;
  price: string;
  basePrice: string;
  stock: string;
  onRequest: string;
  items: string;
  /** Unit codes as the reader calls them ("pcs" → "шт"). */
  units: Record<string, string>;
}
