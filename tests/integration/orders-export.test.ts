import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { EXPORT_COLUMNS } from "@/server/domain/orders/order-export";
import { listOrders, type OrderListRow } from "@/server/domain/orders/order-list";
import type { OrderListQuery } from "@/server/domain/orders/order-list-query";
import { handleOrdersExport } from "@/server/http/orders-export";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createTestShop, systemActor, type TestShop } from "../helpers/order-fixtures";
import { createOrdersWorld, placeListOrder, type OrdersWorld, type WorldUser } from "../helpers/order-list-fixtures";

let t: TestDatabase;
let w: OrdersWorld;
let quotedShop: TestShop;
const NOW = new Date("2026-06-15T10:00:00.000Z");
const EVIL_FIRST = '=HYPERLINK("http://evil.example","click")';
const QUOTED_LAST = 'O"Neil, Jr';
const PRODUCT_WITH_COMMA = "Vitamin C, 500 mg";

beforeAll(async () => {
  t = await createTestDatabase();
  w = await createOrdersWorld(t.db);
  quotedShop = await createTestShop(t.db, { name: 'Shop "Quoted", Ltd', hostname: "quoted.example", defaultManagerId: w.managerA.id });
  const shops = [w.shopA, w.shopB, w.shopC, quotedShop];
  for (let i = 0; i < 14; i++) {
    await placeListOrder(t.db, {
      shop: shops[i % 4]!,
      firstName: i === 0 ? EVIL_FIRST : i === 4 ? "@SUM(A1)" : `Name${i}`,
      lastName: i === 0 || i === 3 ? QUOTED_LAST : `Family${i}`,
      paymentMethod: (["credit_card", "paypal", "crypto", "echeck"] as const)[i % 4],
      currency: i % 3 === 0 ? "GBP" : "EUR",
      price: 10 + i * 3.25,
      secondLine: i % 2 === 0,
      productName: i % 4 === 0 ? PRODUCT_WITH_COMMA : undefined,
      country: i % 2 ? "DE" : "US",
      createdAt: new Date(Date.parse("2026-05-01T00:00:00.000Z") + i * 11 * 3_600_000 + i * 1234),
    });
  }
  const first = rowsOf<{ id: string }>(await t.db.execute(sql`select id from orders order by number limit 3`));
  await changeOrderStatus(t.db, systemActor(), first[1]!.id, "call_center");
  await changeOrderStatus(t.db, systemActor(), first[2]!.id, "approved");
});
afterAll(async () => {
  await t.destroy();
});

const exportUrl = (params: Record<string, string>) => `http://test/api/orders/export?${new URLSearchParams(params).toString()}`;
const exportAs = (user: WorldUser | null, params: Record<string, string>) =>
  handleOrdersExport(new Request(exportUrl(params)), { db: t.db, session: user ? (user.session as ActiveSession) : null, now: NOW });

/**
 * The body as text, read chunk by chunk. Tolerates string chunks, so the content checks below
 * still run while the CSV stream yields strings (see "the CSV body is a byte stream").
 */
async function bodyText(response: Response): Promise<string> {
  const reader = (response.body as ReadableStream<unknown>).getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    text += typeof value === "string" ? value : decoder.decode(value as Uint8Array, { stream: true });
  }
}
const csvRecords = async (response: Response) => parseCsv((await bodyText(response)).replace(/^\uFEFF/, "")).slice(1);

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || record.length) throw new Error("the CSV does not end with CRLF");
  return records;
}

/** All the rows listOrders gives for the same filters, in its order. */
async function listed(user: WorldUser, filters: OrderListQuery): Promise<OrderListRow[]> {
  const rows: OrderListRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listOrders(t.db, { id: user.id, role: user.role }, { ...filters, cursor, limit: 100 });
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}

/** What a spreadsheet must see: text a formula could start with gets a leading apostrophe. */
const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const minorToNumber = (minor: number, currency: string) => minor / (currency === "JPY" ? 1 : 100);

describe("CSV export", () => {
  it("answers 200 with a BOM, the header and one row per listed order, in the list's order", async () => {
    const response = await exportAs(w.admin, { format: "csv" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="orders-2026-06-15.csv"');
    const text = await bodyText(response);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);

    const rows = await listed(w.admin, {});
    const [count] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from orders`));
    expect(rows).toHaveLength(Number(count!.n));
    expect(records).toHaveLength(rows.length);
    for (const [k, row] of rows.entries()) {
      const record = records[k]!;
      expect(record).toHaveLength(EXPORT_COLUMNS.length);
      const cell = (column: (typeof EXPORT_COLUMNS)[number]) => record[EXPORT_COLUMNS.indexOf(column)];
      expect(cell("Number")).toBe(String(row.number));
      expect(cell("Order ID")).toBe(row.id);
      expect(cell("Shop")).toBe(row.shopName);
      expect(cell("Shop order ID")).toBe(row.shopOrderId);
      expect(cell("Date (UTC)")).toBe(row.createdAt.toISOString());
      expect(cell("Customer")).toBe(safe(`${row.customerFirstName} ${row.customerLastName}`));
      expect(cell("E-mail")).toBe(row.customerEmail);
      expect(cell("Phone")).toBe(safe(row.customerPhone));
      expect(cell("Country")).toBe(row.country);
      expect(cell("Products")).toBe(row.itemsCount > 1 ? `${row.firstItemName} +${row.itemsCount - 1}` : row.firstItemName);
      expect(Number(cell("Amount"))).toBe(minorToNumber(row.totalMinor, row.currency));
      expect(cell("Currency")).toBe(row.currency);
      expect(Number(cell("Amount USD"))).toBe(row.totalUsdMinor / 100);
      expect(cell("Payment method")).toBe(row.paymentMethod);
      expect(cell("Status")).toBe(row.status);
      expect(cell("Call-center status")).toBe(row.callCenterStatus ?? "");
    }
    expect(records.map((r) => r[EXPORT_COLUMNS.indexOf("Status")])).toContain("call_center");
  });

  it("the CSV body is a byte stream a Response can deliver, starting with the UTF-8 BOM", async () => {
    const response = await exportAs(w.managerA, { format: "csv" });
    expect(response.status).toBe(200);
    // What the browser gets through the route handler: the bytes of the body.
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toBe("\uFEFF" + EXPORT_COLUMNS.join(","));
    expect(parseCsv(text.slice(1)).slice(1).map((r) => r[1])).toEqual((await listed(w.managerA, {})).map((r) => r.id));
  });

  it("quotes commas and quotes, and neutralises cells a spreadsheet would run as formulas", async () => {
    const response = await exportAs(w.admin, { format: "csv" });
    const text = (await bodyText(response)).replace(/^\uFEFF/, "");
    // The raw text: a quoted field with doubled quotes.
    expect(text).toContain(`"'${EVIL_FIRST.replace(/"/g, '""')} ${QUOTED_LAST.replace(/"/g, '""')}"`);
    expect(text).toContain('"Shop ""Quoted"", Ltd"');
    expect(text).toContain(`"${PRODUCT_WITH_COMMA} +1"`);
    const records = parseCsv(text).slice(1);
    const customer = records.map((r) => r[EXPORT_COLUMNS.indexOf("Customer")]!);
    expect(customer).toContain(`'${EVIL_FIRST} ${QUOTED_LAST}`);
    expect(customer).toContain(`Name3 ${QUOTED_LAST}`);
    expect(customer.some((c) => c.startsWith("'@SUM(A1)"))).toBe(true);
    // No cell starts with a formula character any more.
    for (const record of records) for (const value of record) expect(value, value).not.toMatch(/^[=+\-@]/);
    expect(records.filter((r) => r[EXPORT_COLUMNS.indexOf("Shop")] === 'Shop "Quoted", Ltd').length).toBeGreaterThan(0);
  });

  it("exports only what the filters and the user's scope select, like the list", async () => {
    const cases: Array<{ user: WorldUser; params: Record<string, string>; filters: OrderListQuery }> = [
      { user: w.admin, params: { shopId: w.shopB.shop.id }, filters: { shopId: w.shopB.shop.id } },
      { user: w.admin, params: { country: "de", paymentMethod: "paypal" }, filters: { country: "de", paymentMethod: "paypal" } },
      { user: w.admin, params: { from: "2026-05-02", to: "2026-05-04" }, filters: { from: "2026-05-02", to: "2026-05-04" } },
      { user: w.admin, params: { status: "call_center" }, filters: { status: "call_center" } },
      { user: w.admin, params: { sort: "total", dir: "asc" }, filters: { sort: "total", dir: "asc" } },
      { user: w.managerA, params: {}, filters: {} },
      { user: w.head, params: { dir: "asc" }, filters: { dir: "asc" } },
      { user: w.managerC, params: { search: "name" }, filters: { search: "name" } },
    ];
    for (const c of cases) {
      const response = await exportAs(c.user, { format: "csv", ...c.params });
      expect(response.status).toBe(200);
      const records = await csvRecords(response);
      const expected = (await listed(c.user, c.filters)).map((r) => r.id);
      const label = `${c.user.role} ${JSON.stringify(c.params)}`;
      expect(expected.length, label).toBeGreaterThan(0);
      expect(records.map((r) => r[EXPORT_COLUMNS.indexOf("Order ID")]), label).toEqual(expected);
    }
    // The manager's export holds his clients' orders only (shop A and the quoted shop).
    const mine = await csvRecords(await exportAs(w.managerA, { format: "csv" }));
    expect(new Set(mine.map((r) => r[EXPORT_COLUMNS.indexOf("Shop")]))).toEqual(new Set([w.shopA.shop.name, quotedShop.shop.name]));
  });
});

describe("XLSX export", () => {
  it("streams a workbook that reads back with the header, every row, numbers and dates", async () => {
    const response = await exportAs(w.director, { format: "xlsx" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="orders-2026-06-15.xlsx"');
    const buffer = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Orders");
    expect(sheet).toBeDefined();
    const values = (rowNumber: number) => (sheet!.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...EXPORT_COLUMNS]);

    const rows = await listed(w.director, {});
    expect(sheet!.actualRowCount).toBe(rows.length + 1);
    const column = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name) + 1;
    for (const [k, row] of rows.entries()) {
      const excelRow = sheet!.getRow(k + 2);
      expect(excelRow.getCell(column("Order ID")).value).toBe(row.id);
      const number = excelRow.getCell(column("Number"));
      expect(number.type).toBe(ExcelJS.ValueType.Number);
      expect(number.value).toBe(row.number);
      const amount = excelRow.getCell(column("Amount"));
      expect(amount.type).toBe(ExcelJS.ValueType.Number);
      expect(amount.value).toBe(minorToNumber(row.totalMinor, row.currency));
      expect(excelRow.getCell(column("Amount USD")).value).toBe(row.totalUsdMinor / 100);
      const date = excelRow.getCell(column("Date (UTC)"));
      expect(date.value).toBeInstanceOf(Date);
      expect(Math.abs((date.value as Date).getTime() - row.createdAt.getTime())).toBeLessThan(1000);
      expect(excelRow.getCell(column("Customer")).value).toBe(`${row.customerFirstName} ${row.customerLastName}`);
    }
    // A name that looks like a formula is a plain text cell in the workbook, never a formula.
    const evil = rows.findIndex((r) => r.customerFirstName === EVIL_FIRST);
    expect(evil).toBeGreaterThanOrEqual(0);
    const evilCell = sheet!.getRow(evil + 2).getCell(column("Customer"));
    expect(evilCell.type).toBe(ExcelJS.ValueType.String);
    expect(evilCell.formula).toBeUndefined();
  });

  it("exports the same rows as the CSV for the same filters", async () => {
    const params = { shopId: w.shopA.shop.id, sort: "total" };
    const csv = await csvRecords(await exportAs(w.head, { format: "csv", ...params }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await exportAs(w.head, { format: "xlsx", ...params })).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Orders")!;
    const ids: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(2).value);
    });
    expect(csv.length).toBeGreaterThan(0);
    expect(ids).toEqual(csv.map((r) => r[1]));
  });
});

describe("export access and parameters", () => {
  it("401 without a session, 403 for roles without orders.export, 200 for the others", async () => {
    const anonymous = await exportAs(null, { format: "csv" });
    expect(anonymous.status).toBe(401);
    for (const user of [w.operator, w.moderator, w.buyer, w.supplier]) {
      const response = await exportAs(user, { format: "csv" });
      expect(response.status, user.role).toBe(403);
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(/export/i);
    }
    for (const user of [w.admin, w.director, w.head, w.managerA]) {
      const response = await exportAs(user, { format: "xlsx" });
      expect(response.status, user.role).toBe(200);
      await response.arrayBuffer();
    }
  });

  it("400 naming the field for a bad parameter", async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ format: "pdf" }, "format"],
      [{}, "format"],
      [{ format: "csv", from: "not-a-date" }, "from"],
      [{ format: "csv", to: "2026-13-45" }, "to"],
      [{ format: "csv", from: "2026-05-04", to: "2026-05-01" }, "from"],
      [{ format: "csv", country: "DEU" }, "country"],
      [{ format: "csv", shopId: "shop-a" }, "shopId"],
      [{ format: "csv", status: "lost" }, "status"],
      [{ format: "csv", sort: "queue" }, "sort"],
    ];
    for (const [params, field] of cases) {
      const response = await exportAs(w.admin, params);
      expect(response.status, JSON.stringify(params)).toBe(400);
      const body = (await response.json()) as { error: string };
      expect(body.error, JSON.stringify(params)).toMatch(new RegExp(`^${field}\\b`));
    }
  });
});

describe("export: dates at the ends of the calendar", () => {
  it("answers 400 naming the field, or a complete file, for a date the filter accepts (year 9999, year 0)", async () => {
    for (const [params, field] of [[{ to: "9999-12-31" }, "to"], [{ from: "0000-01-01" }, "from"]] as const) {
      const response = await exportAs(w.admin, { format: "xlsx", ...params });
      if (response.status === 400) {
        expect(((await response.json()) as { error: string }).error).toMatch(new RegExp(`^${field}\\b`));
        continue;
      }
      expect(response.status).toBe(200);
      // A 200 must carry the whole workbook, not a stream that breaks after the headers went out.
      const body = await response.arrayBuffer().then(
        (buffer) => buffer,
        (error: unknown) => new Error(`the body broke off: ${String(error)}`),
      );
      expect(body, JSON.stringify(params)).toBeInstanceOf(ArrayBuffer);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as ArrayBuffer);
      expect(workbook.getWorksheet("Orders")!.actualRowCount - 1).toBe((await listed(w.admin, {})).length);
    }
  });
});

describe("large export (runs last: adds rows)", () => {
  it("pages along the keyset past one page of 1,000 rows without a gap or a duplicate", async () => {
    const template = rowsOf<{ id: string }>(await t.db.execute(sql`select id from orders where shop_id = ${w.shopC.shop.id} limit 1`))[0]!.id;
    await t.db.execute(
      sql.raw(`insert into orders (id, shop_id, shop_order_id, customer_id, status, currency, subtotal_minor, total_minor, usd_per_unit, total_usd_minor,
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash, created_at, updated_at)
      select 'ord_big' || lpad(g::text, 19, '0'), shop_id, 'BIG-' || g, customer_id, 'pending', currency, subtotal_minor, total_minor + (g % 7), usd_per_unit, total_usd_minor + (g % 7),
        payment_method, customer_first_name, customer_last_name, customer_email, customer_phone, billing_address, shipping_address, country, request_hash,
        timestamptz '2026-05-20T00:00:00Z' + (g / 3) * interval '1 second', updated_at
      from orders, generate_series(1, 2345) g where id = '${template}'`),
    );
    for (const sort of ["created", "total"]) {
      const response = await exportAs(w.managerC, { format: "csv", sort });
      const ids = (await csvRecords(response)).map((r) => r[1]!);
      const order = sort === "total" ? "o.total_usd_minor desc, o.number desc" : "o.created_at desc, o.number desc";
      const expected = rowsOf<{ id: string }>(
        await t.db.execute(sql.raw(`select o.id from orders o join customers c on c.id = o.customer_id where c.manager_id = '${w.managerC.id}' order by ${order}`)),
      ).map((r) => r.id);
      expect(expected.length).toBeGreaterThan(2345);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expected);
    }
  });
});
