import ExcelJS from "exceljs";
import { DomainError } from "../errors";

export interface TrackingRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** An order id (ord_…), our number (#10234 or 10234) or the shop's order id. */
  order: string;
  trackingNumber: string;
  carrier: string | null;
}

const ORDER_HEADERS = ["order_id", "order", "order_number", "shop_order_id", "номер заказа", "заказ"];
const TRACKING_HEADERS = ["tracking_number", "tracking", "track", "трек", "трек-номер", "трек номер"];
const CARRIER_HEADERS = ["carrier", "перевозчик", "служба доставки"];

/** Splits CSV text (comma or semicolon, quotes) into rows; enough for what shippers send. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, "");
  const firstLine = source.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

async function parseXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) values.push(row.getCell(c).text ?? "");
    rows.push(values);
  });
  return rows;
}

/**
 * Reads the shipper's tracking file (CSV or XLSX): a header row naming the order column
 * (order_id / order_number / shop_order_id), the tracking-number column and optionally the
 * carrier. Throws BAD_INPUT naming what is missing; empty lines are skipped.
 */
export async function readTrackingFile(filename: string, content: Buffer): Promise<TrackingRow[]> {
  const isXlsx = /\.xlsx$/i.test(filename);
  if (!isXlsx && !/\.(csv|txt)$/i.test(filename)) throw new DomainError("BAD_INPUT", "Upload a .csv or .xlsx file", { field: "file" });
  let table: string[][];
  try {
    table = isXlsx ? await parseXlsx(content) : parseCsv(content.toString("utf8"));
  } catch {
    throw new DomainError("BAD_INPUT", "The file could not be read as CSV/XLSX", { field: "file" });
  }
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const orderCol = find(ORDER_HEADERS);
  const trackingCol = find(TRACKING_HEADERS);
  const carrierCol = find(CARRIER_HEADERS);
  if (orderCol < 0) throw new DomainError("BAD_INPUT", "The file has no order column (order_id, order_number or shop_order_id)", { field: "file" });
  if (trackingCol < 0) throw new DomainError("BAD_INPUT", "The file has no tracking_number column", { field: "file" });
  const rows: TrackingRow[] = [];
  table.slice(1).forEach((cells, index) => {
    const order = (cells[orderCol] ?? "").trim();
    const trackingNumber = (cells[trackingCol] ?? "").trim();
    if (!order && !trackingNumber) return;
    rows.push({ line: index + 2, order, trackingNumber, carrier: carrierCol >= 0 ? (cells[carrierCol] ?? "").trim() || null : null });
  });
  if (rows.length > 5000) throw new DomainError("BAD_INPUT", "At most 5000 rows per file", { field: "file" });
  return rows;
}
