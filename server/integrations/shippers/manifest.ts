import ExcelJS from "exceljs";
import type { DispatchRequest } from "./adapter";

export type ManifestFormat = "csv" | "xlsx";

export const MANIFEST_COLUMNS = [
  "order_id", "order_number", "shop_order_id", "kind", "first_name", "last_name", "email", "phone",
  "country", "state", "city", "zip", "address", "address2", "sku", "product_code", "name", "quantity",
] as const;

/** One row per line: what a warehouse reads (the shipper's product code and quantity, the address). */
export function manifestRows(requests: readonly DispatchRequest[]): string[][] {
  return requests.flatMap((r) =>
    r.lines.map((line) => [
      r.orderId, String(r.orderNumber), r.shopOrderId, r.kind, r.recipient.firstName, r.recipient.lastName, r.recipient.email, r.recipient.phone,
      r.address.country, r.address.state, r.address.city, r.address.zip, r.address.address, r.address.address2 ?? "",
      line.sku, line.code, line.name, String(line.quantity),
    ]),
  );
}

function csvCell(value: string): string {
  // A leading = or @ (or +/- not followed by a plain number such as a phone) is prefixed, so a
  // spreadsheet never runs a cell as a formula; phone numbers like +49 30 … stay as they are.
  const safe = /^[=@\t\r]/.test(value) || /^[+-](?![\d\s()./-]*$)/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function manifestCsv(requests: readonly DispatchRequest[]): Buffer {
  const lines = [MANIFEST_COLUMNS.join(","), ...manifestRows(requests).map((row) => row.map(csvCell).join(","))];
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

export async function manifestXlsx(requests: readonly DispatchRequest[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Orders");
  sheet.addRow([...MANIFEST_COLUMNS]);
  for (const row of manifestRows(requests)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function manifestFile(requests: readonly DispatchRequest[], format: ManifestFormat, baseName: string) {
  return format === "xlsx"
    ? { filename: `${baseName}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: await manifestXlsx(requests) }
    : { filename: `${baseName}.csv`, contentType: "text/csv; charset=utf-8", content: manifestCsv(requests) };
}
