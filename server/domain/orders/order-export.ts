import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../../../db/client";
import { fromMinorUnits } from "../money/money";
import { pageOfOrders, type OrderListRow } from "./order-list";
import { orderListQuerySchema, type OrderListQuery } from "./order-list-query";
import type { ScopedUser } from "./order-scope";

/** An export is a working list, not a backup: past this many rows, narrow the filters. */
export const EXPORT_ROW_LIMIT = 100_000;
const PAGE = 1_000;

export const EXPORT_COLUMNS = [
  "Number", "Order ID", "Shop", "Shop order ID", "Date (UTC)", "Customer", "E-mail", "Phone", "Country",
  "Products", "Amount", "Currency", "Amount USD", "Payment method", "Status", "Call-center status", "Tracking number",
] as const;

type Cell = string | number | Date;

function exportRow(row: OrderListRow): Cell[] {
  const products = row.firstItemName ? (row.itemsCount > 1 ? `${row.firstItemName} +${row.itemsCount - 1}` : row.firstItemName) : "";
  return [
    row.number, row.id, row.shopName, row.shopOrderId, row.createdAt, `${row.customerFirstName} ${row.customerLastName}`,
    row.customerEmail, row.customerPhone, row.country, products, Number(fromMinorUnits(row.totalMinor, row.currency)),
    row.currency, Number(fromMinorUnits(row.totalUsdMinor, "USD")), row.paymentMethod, row.status,
    row.callCenterStatus ?? "", row.trackingNumber ?? "",
  ];
}

/** The filtered list, page by page along the keyset, up to EXPORT_ROW_LIMIT rows. */
export async function* exportedRows(db: Db, user: ScopedUser, filters: OrderListQuery): AsyncGenerator<Cell[]> {
  let query = orderListQuerySchema.parse({ ...filters, cursor: undefined, before: false });
  let written = 0;
  for (;;) {
    const page = await pageOfOrders(db, user, query, Math.min(PAGE, EXPORT_ROW_LIMIT - written));
    for (const row of page.rows) yield exportRow(row);
    written += page.rows.length;
    if (!page.nextCursor || written >= EXPORT_ROW_LIMIT) return;
    query = { ...query, cursor: page.nextCursor };
  }
}

/** Spreadsheet apps run cells starting with these as formulas: neutralise them (CSV injection). */
function csvCell(value: Cell): string {
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function ordersCsv(rows: AsyncIterable<Cell[]>): ReadableStream<Uint8Array> {
  // A Response body must carry bytes, not strings.
  const encoder = new TextEncoder();
  async function* lines() {
    yield encoder.encode("\uFEFF" + EXPORT_COLUMNS.map(csvCell).join(",") + "\r\n");
    for await (const row of rows) yield encoder.encode(row.map(csvCell).join(",") + "\r\n");
  }
  return Readable.toWeb(Readable.from(lines())) as ReadableStream<Uint8Array>;
}

/** A streamed workbook: rows are committed as they come, so memory stays flat. */
export function ordersXlsx(rows: AsyncIterable<Cell[]>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet("Orders", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((header) => ({
    header,
    width: header === "Order ID" ? 30 : header === "Products" || header === "E-mail" ? 28 : 16,
    style: header === "Date (UTC)" ? { numFmt: "yyyy-mm-dd hh:mm" } : header.startsWith("Amount") ? { numFmt: "#,##0.00" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
