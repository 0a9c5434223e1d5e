import ExcelJS from "exceljs";
import type { statementDetails } from "./statements";

type Details = Awaited<ReturnType<typeof statementDetails>>;

const major = (minor: number) => minor / 100;

/** A statement as an XLSX sheet: header block, one row per delivered part, totals. Amounts in major units, formatted with two decimals. */
export async function statementXlsx({ statement, rows }: Details): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "T3 CRM";
  const sheet = book.addWorksheet(`Statement ${statement.periodStart.slice(0, 7)}`);
  sheet.addRow(["Supplier", statement.supplierName]);
  sheet.addRow(["Period", statement.periodStart.slice(0, 7)]);
  sheet.addRow(["Currency", statement.currency]);
  sheet.addRow(["Payout status", statement.payoutStatus, statement.paidAt ?? "", statement.paymentReference ?? ""]);
  sheet.addRow([]);
  const header = sheet.addRow(["Order part", "Buyer", "Delivered", "Sales", "Commission", "Payout"]);
  header.font = { bold: true };
  for (const r of rows) sheet.addRow([r.partNumber, r.companyName, r.deliveredAt.toISOString().slice(0, 10), major(r.salesMinor), major(r.commissionMinor), major(r.payoutMinor)]);
  const total = sheet.addRow(["Total", `${statement.partsCount} parts`, "", major(statement.salesMinor), major(statement.commissionMinor), major(statement.payoutMinor)]);
  total.font = { bold: true };
  for (const column of [4, 5, 6]) sheet.getColumn(column).numFmt = "#,##0.00";
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 36;
  sheet.getColumn(3).width = 12;
  for (const column of [4, 5, 6]) sheet.getColumn(column).width = 14;
  return Buffer.from(await book.xlsx.writeBuffer());
}
