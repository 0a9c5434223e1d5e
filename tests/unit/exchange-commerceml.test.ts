import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { slugFor } from "@/server/domain/exchange/import-context";
import { priceMinor } from "@/server/domain/exchange/import-offers";
import { statusFrom1c } from "@/server/domain/exchange/import-sale";
import { stepsFor } from "@/server/domain/exchange/import-file";
import { collectElements, declaredEncoding, requisites, STOP, textOf, type Collected } from "@/server/integrations/commerceml/xml-stream";
import { safeJoin } from "@/server/integrations/commerceml/unzip";

const FIXTURES = "/work/shared/fixtures/commerceml";

async function collect(bytes: Buffer, chunkSize: number, select: (path: readonly string[]) => string | null): Promise<Collected[]> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  const out: Collected[] = [];
  for await (const item of collectElements(chunks(), select)) out.push(item);
  return out;
}

const offerSelector = (p: readonly string[]) => (p[p.length - 1] === "Предложение" ? "offer" : null);

describe("the streaming CommerceML reader", () => {
  it("reads the same offers whether the file comes whole or one byte at a time (UTF-8 split mid-character, BOM)", async () => {
    const bytes = readFileSync(`${FIXTURES}/offers.xml`);
    const whole = await collect(bytes, bytes.length, offerSelector);
    const bytewise = await collect(bytes, 1, offerSelector);
    expect(whole).toHaveLength(5);
    expect(bytewise).toEqual(whole);
    expect(textOf(whole[0]!.node, "Наименование")).toBe("Женские ботфорты коричневые (38)");
    expect(whole[0]!.node.children.find((c) => c.name === "Склад")?.attrs).toEqual({ ИдСклада: "b6112590-41ba-11dd-ac9d-0015e9b8c48d", КоличествоНаСкладе: "20" });
  });

  it("decodes windows-1251 as its declaration says", async () => {
    const bytes = readFileSync(`${FIXTURES}/orders.xml`);
    expect(declaredEncoding(bytes)).toBe("windows-1251");
    const [doc] = await collect(bytes, 7, (p) => (p.length === 2 && p[1] === "Документ" ? "doc" : null));
    expect(textOf(doc!.node, "ХозОперация")).toBe("Заказ товара");
    expect(requisites(doc!.node).get("Статус заказа")).toBe("[F] Доставлен");
  });

  it("stops reading where the selector says nothing wanted follows", async () => {
    const bytes = readFileSync(`${FIXTURES}/import.xml`);
    const items = await collect(bytes, 4096, (p) => (p[p.length - 1] === "Каталог" ? STOP : p[p.length - 1] === "Товар" ? "product" : null));
    expect(items).toEqual([]);
  });

  it("fails on a truncated document", async () => {
    const bytes = readFileSync(`${FIXTURES}/offers.xml`);
    await expect(collect(bytes.subarray(0, bytes.length - 300), 4096, offerSelector)).rejects.toThrow(/XML/);
  });
});

describe("exchange mapping rules", () => {
  it("maps 1C's order requisites to our statuses", () => {
    expect(statusFrom1c(new Map([["Отменен", "true"]]))).toBe("cancelled");
    expect(statusFrom1c(new Map([["Статус заказа", "[F] Доставлен"]]))).toBe("delivered");
    expect(statusFrom1c(new Map([["Статус заказа", "Отгружен"]]))).toBe("shipped");
    expect(statusFrom1c(new Map([["Статус заказа", "packed"]]))).toBe("packed");
    expect(statusFrom1c(new Map([["Статус заказа", "Новый"]]))).toBeNull();
  });

  it("turns 1C prices into minor units, rounding extra decimals", () => {
    expect(priceMinor("1719", "RUB")).toBe(171900);
    expect(priceMinor("1 800,5", "RUB")).toBe(180050);
    expect(priceMinor("10.005", "RUB")).toBe(1001);
    expect(priceMinor("abc", "RUB")).toBeNull();
  });

  it("names steps by file and keeps uploads inside the session folder", () => {
    expect(stepsFor("import0_1.xml", "catalog")).toEqual(["classifier", "catalog"]);
    expect(stepsFor("offers0_1.xml", "catalog")).toEqual(["offers"]);
    expect(stepsFor("anything.xml", "sale")).toEqual(["documents"]);
    expect(safeJoin("/data/s1", "import_files/ab/x.jpg")).toBe("/data/s1/import_files/ab/x.jpg");
    expect(safeJoin("/data/s1", "../s2/import.xml")).toBeNull();
    expect(safeJoin("/data/s1", "/etc/passwd")).toBeNull();
    expect(slugFor("Женские ботфорты", "bd72d910-55bc-11d9")).toBe("zhenskie-botforty-bd72d91055bc");
  });
});
