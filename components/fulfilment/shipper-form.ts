import type { PublicShipper } from "@/server/domain/fulfilment/shippers";
import type { ShipperInput } from "@/server/domain/fulfilment/shipper-schemas";

/** The shipper form's text fields, and their conversion to and from the API's shapes. */
export interface ShipperFormState {
  code: string;
  name: string;
  adapter: ShipperInput["adapter"];
  priority: string;
  isEnabled: boolean;
  countries: string;
  skus: string;
  /** One mapping per line: `SHOP-SKU = SHIPPER-CODE x2` (the multiplier is optional). */
  skuMap: string;
  url: string;
  email: string;
  format: "csv" | "xlsx";
  carrier: string;
  trackingUrl: string;
}

export const EMPTY_SHIPPER_FORM: ShipperFormState = {
  code: "", name: "", adapter: "manual", priority: "100", isEnabled: true, countries: "", skus: "", skuMap: "",
  url: "", email: "", format: "csv", carrier: "", trackingUrl: "",
};

export function formOf(s: PublicShipper): ShipperFormState {
  return {
    code: s.code,
    name: s.name,
    adapter: s.adapter as ShipperInput["adapter"],
    priority: String(s.priority),
    isEnabled: s.isEnabled,
    countries: s.countries.join(", "),
    skus: s.skus.join(", "),
    skuMap: s.skuMap.map((m) => `${m.sku} = ${m.code}${m.multiplier !== 1 ? ` x${m.multiplier}` : ""}`).join("\n"),
    url: s.settings.url ?? "",
    email: s.settings.email ?? "",
    format: s.settings.format === "xlsx" ? "xlsx" : "csv",
    carrier: s.settings.carrier ?? "",
    trackingUrl: s.settings.trackingUrl ?? "",
  };
}

const list = (value: string) => value.split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);

/** Lines that do not read as a mapping are kept as an empty code, so the server names the problem. */
export function parseSkuMap(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.+?)\s*(?:=|→|->)\s*(.+?)(?:\s+[x×*]\s*(\d+))?$/.exec(line);
      return match ? { sku: match[1]!.trim(), code: match[2]!.trim(), multiplier: match[3] ? Number(match[3]) : 1 } : { sku: line, code: "", multiplier: 1 };
    });
}

export function inputOf(form: ShipperFormState): ShipperInput {
  const settings: Record<string, string> = {};
  if (form.url.trim()) settings.url = form.url.trim();
  if (form.email.trim()) settings.email = form.email.trim();
  if (form.adapter !== "http_json") settings.format = form.format;
  if (form.carrier.trim()) settings.carrier = form.carrier.trim();
  if (form.trackingUrl.trim()) settings.trackingUrl = form.trackingUrl.trim();
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    adapter: form.adapter,
    priority: Number(form.priority) || 0,
    isEnabled: form.isEnabled,
    countries: list(form.countries).map((c) => c.toUpperCase()),
    skus: list(form.skus),
    skuMap: parseSkuMap(form.skuMap),
    settings,
  };
}
