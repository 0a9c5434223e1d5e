import { describe, expect, it } from "vitest";
import { parseSkuMap } from "@/components/fulfilment/shipper-form";
import { mapLines, pickShipper, trackingLink } from "@/server/domain/fulfilment/routing";
import { shipperInputSchema } from "@/server/domain/fulfilment/shipper-schemas";
import { parseCsv, readTrackingFile } from "@/server/domain/fulfilment/tracking-file";
import { manifestCsv } from "@/server/integrations/shippers/manifest";

const shipper = (name: string, priority: number, countries: string[] = [], skus: string[] = [], isEnabled = true) => ({ id: name, name, priority, countries, skus, isEnabled });

describe("pickShipper", () => {
  const all = [shipper("EU", 10, ["DE", "FR"]), shipper("Vitamins only", 5, [], ["VTB"]), shipper("Anywhere", 100), shipper("Off", 1, [], [], false)];
  it("takes the lowest priority that serves the country and stocks every SKU, skipping disabled ones", () => {
    expect(pickShipper(all, { country: "de", skus: ["VTB"] })?.name).toBe("Vitamins only");
    expect(pickShipper(all, { country: "DE", skus: ["VTB", "OMEGA"] })?.name).toBe("EU");
    expect(pickShipper(all, { country: "US", skus: ["OMEGA"] })?.name).toBe("Anywhere");
    expect(pickShipper(all.slice(0, 2), { country: "US", skus: ["OMEGA"] })).toBeNull();
  });
});

describe("mapLines and trackingLink", () => {
  it("uses the shipper's code and multiplies bonus packs; unmapped SKUs pass as they are", () => {
    expect(mapLines([{ sku: "A", name: "a", quantity: 2 }, { sku: "B", name: "b", quantity: 1 }], [{ sku: "A", code: "WH-A", multiplier: 3 }])).toEqual([
      { sku: "A", code: "WH-A", name: "a", quantity: 6 },
      { sku: "B", code: "B", name: "b", quantity: 1 },
    ]);
  });
  it("fills the shipper's template or falls back to a carrier-independent tracker", () => {
    expect(trackingLink("LX 1", "https://x.test/t?id={tracking_number}")).toBe("https://x.test/t?id=LX%201");
    expect(trackingLink("LX1", undefined)).toBe("https://t.17track.net/en#nums=LX1");
  });
});

describe("shipper input", () => {
  it("names the missing setting per adapter and checks the tracking link", () => {
    const noUrl = shipperInputSchema.safeParse({ code: "wh", name: "WH", adapter: "http_json" });
    expect(noUrl.success).toBe(false);
    expect(noUrl.error?.issues[0]?.path).toEqual(["settings", "url"]);
    const badLink = shipperInputSchema.safeParse({ code: "wh", name: "WH", adapter: "manual", settings: { trackingUrl: "https://x.test/" } });
    expect(badLink.error?.issues[0]?.message).toMatch(/tracking_number/);
    expect(shipperInputSchema.parse({ code: "wh", name: "WH", adapter: "manual", countries: ["de"] }).countries).toEqual(["DE"]);
  });
  it("reads the form's SKU map lines", () => {
    expect(parseSkuMap("A = WH-A\nB -> WH-B x2\n\nbroken")).toEqual([
      { sku: "A", code: "WH-A", multiplier: 1 },
      { sku: "B", code: "WH-B", multiplier: 2 },
      { sku: "broken", code: "", multiplier: 1 },
    ]);
  });
});

describe("tracking files and manifests", () => {
  it("parses CSV with quotes, either separator and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n')).toEqual([["a", "b"], ["x, y", 'say "hi"']]);
    expect(parseCsv("a;b\n1;2")).toEqual([["a", "b"], ["1", "2"]]);
  });
  it("finds the columns by header and skips empty lines", async () => {
    const rows = await readTrackingFile("t.csv", Buffer.from("Shop_Order_ID,Tracking_Number,Carrier\nA1,LX1,DHL\n,\nA2,LX2,\n"));
    expect(rows).toEqual([
      { line: 2, order: "A1", trackingNumber: "LX1", carrier: "DHL" },
      { line: 4, order: "A2", trackingNumber: "LX2", carrier: null },
    ]);
    await expect(readTrackingFile("t.pdf", Buffer.from(""))).rejects.toThrow(/csv or \.xlsx/);
  });
  it("writes a manifest CSV that a spreadsheet cannot run as a formula", () => {
    const csv = manifestCsv([
      {
        orderId: "ord_1", orderNumber: 7, shipmentId: 1, kind: "ship", shopOrderId: "=cmd()",
        recipient: { firstName: "A", lastName: "B", email: "a@b.c", phone: "+49 30 123" },
        address: { country: "US", state: "NY", city: "New York", zip: "1", address: "1 Main St, Apt 2" },
        lines: [{ sku: "S", code: "C", name: "N", quantity: 2 }],
      },
    ]).toString("utf8");
    expect(csv).toContain("'=cmd()");
    expect(csv).toContain(",+49 30 123,");
    expect(csv).toContain('"1 Main St, Apt 2"');
    expect(csv.trim().split("\r\n")).toHaveLength(2);
  });
});
