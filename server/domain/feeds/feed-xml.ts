import { fromMinorUnits } from "../money/money";
import type { FeedCategory, FeedProduct } from "./feed-data";

export interface FeedHeader {
  shopName: string;
  companyName: string;
  shopUrl: string;
  title: string;
  description: string;
  idField: "id" | "sku";
}

/** XML 1.0 text: the five entities escaped and characters XML forbids dropped. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const absolute = (base: string, url: string) => (/^https?:\/\//.test(url) ? url : `${base.replace(/\/+$/, "")}/${url.replace(/^\/+/, "")}`);
const productUrl = (header: FeedHeader, p: FeedProduct) => absolute(header.shopUrl, `/b2b/product/${encodeURIComponent(p.slug)}`);
const tag = (name: string, value: string | null | undefined) => (value ? `<${name}>${xmlText(value)}</${name}>` : "");

/** YML offer ids: Latin letters and digits only, at most 20 (Yandex's rule). */
export function ymlOfferId(header: FeedHeader, p: FeedProduct): string {
  return (header.idField === "id" ? p.id : p.sku).replace(/[^A-Za-z0-9]/g, "").slice(0, 20);
}

/** Yandex Market YML (yml_catalog/shop: name, company, url, currencies, categories, offers). */
export function ymlFeed(header: FeedHeader, categories: FeedCategory[], products: FeedProduct[], now: Date): string {
  const numberOf = new Map(categories.map((c, i) => [c.id, i + 1]));
  const currencies = [...new Set(products.map((p) => p.currency))];
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<yml_catalog date="${now.toISOString().slice(0, 19)}+00:00">`,
    `<shop>`,
    tag("name", header.shopName.slice(0, 20)),
    tag("company", header.companyName),
    tag("url", header.shopUrl),
    `<currencies>${(currencies.length ? currencies : ["RUB"]).map((c) => `<currency id="${xmlText(c === "RUB" ? "RUR" : c)}" rate="${c === "RUB" ? "1" : "CBRF"}"/>`).join("")}</currencies>`,
    `<categories>`,
    ...categories.map((c) => `<category id="${numberOf.get(c.id)}"${c.parentId && numberOf.has(c.parentId) ? ` parentId="${numberOf.get(c.parentId)}"` : ""}>${xmlText(c.name)}</category>`),
    `</categories>`,
    `<offers>`,
  ];
  for (const p of products) {
    out.push(
      `<offer id="${ymlOfferId(header, p)}" available="${p.stock > 0 ? "true" : "false"}">` +
        tag("name", p.name) +
        tag("vendor", p.brand) +
        tag("vendorCode", p.sku) +
        tag("url", productUrl(header, p)) +
        `<price>${fromMinorUnits(p.priceMinor, p.currency)}</price>` +
        `<currencyId>${xmlText(p.currency === "RUB" ? "RUR" : p.currency)}</currencyId>` +
        (p.categoryId && numberOf.has(p.categoryId) ? `<categoryId>${numberOf.get(p.categoryId)}</categoryId>` : "") +
        (p.image ? tag("picture", absolute(header.shopUrl, p.image)) : "") +
        tag("description", p.description) +
        tag("barcode", p.barcode) +
        `<count>${Math.floor(p.stock)}</count>` +
        `</offer>`,
    );
  }
  out.push(`</offers>`, `</shop>`, `</yml_catalog>`, "");
  return out.join("\n");
}

/** Google Merchant Center: RSS 2.0 with the g: namespace; the required attributes on every item. */
export function googleFeed(header: FeedHeader, products: FeedProduct[]): string {
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">`,
    `<channel>`,
    tag("title", header.title),
    tag("link", header.shopUrl),
    tag("description", header.description || header.title),
  ];
  for (const p of products) {
    const identified = Boolean(p.barcode) || Boolean(p.brand);
    out.push(
      `<item>` +
        tag("g:id", (header.idField === "id" ? p.id : p.sku).slice(0, 50)) +
        tag("title", p.name.slice(0, 150)) +
        tag("description", (p.description || p.name).slice(0, 5000)) +
        tag("link", productUrl(header, p)) +
        (p.image ? tag("g:image_link", absolute(header.shopUrl, p.image)) : "") +
        `<g:availability>${p.stock > 0 ? "in_stock" : "out_of_stock"}</g:availability>` +
        `<g:price>${fromMinorUnits(p.priceMinor, p.currency)} ${xmlText(p.currency)}</g:price>` +
        `<g:condition>new</g:condition>` +
        tag("g:brand", p.brand) +
        tag("g:gtin", p.barcode) +
        tag("g:mpn", p.sku) +
        (identified ? "" : `<g:identifier_exists>no</g:identifier_exists>`) +
        `</item>`,
    );
  }
  out.push(`</channel>`, `</rss>`, "");
  return out.join("\n");
}
