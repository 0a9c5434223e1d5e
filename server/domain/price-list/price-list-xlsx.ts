import ExcelJS from "exceljs";
import { currencyExponent, fromMinorUnits } from "../money/money";
import type { PriceListLabels } from "./price-list-labels";
import type { PriceList } from "./price-list-rows";

const asNumber = (minor: number | null, currency: string) => (minor === null ? null : Number(fromMinorUnits(minor, currency)));

/** The price list as one XLSX sheet: a heading block, then a frozen header row and one row per item. */
export async function priceListXlsx(list: PriceList, labels: PriceListLabels): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = list.generatedAt;
  const sheet = workbook.addWorksheet(labels.title.slice(0, 31));
  const heading = [
    [labels.title],
    [labels.company, list.companyName ?? "—"],
    [labels.region, list.regionName ?? "—"],
    [labels.generated, list.generatedAt.toISOString().slice(0, 16).replace("T", " ") + " UTC"],
    ...(list.personal ? [] : [[labels.publicPrices]]),
    [],
  ];
  for (const line of heading) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true, size: 14 };
  const headerRowNumber = heading.length + 1;
  const priceHeader = `${labels.price}, ${list.currency}`;
  const header = sheet.addRow([labels.sku, labels.name, labels.brand, labels.section, labels.unit, priceHeader, `${labels.basePrice}, ${list.currency}`, labels.stock]);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9ECEF" } };
  sheet.views = [{ state: "frozen", ySplit: headerRowNumber }];
  const widths = [16, 60, 18, 28, 8, 14, 14, 10];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const money = currencyExponent(list.currency) === 0 ? "#,##0" : "#,##0.00";
  sheet.getColumn(6).numFmt = money;
  sheet.getColumn(7).numFmt = money;
  sheet.getColumn(8).numFmt = "#,##0.####";
  for (const row of list.rows) {
    sheet.addRow([row.sku, row.name, row.brand ?? "", row.section ?? "", labels.units[row.unit] ?? row.unit, asNumber(row.priceMinor, list.currency) ?? labels.onRequest, asNumber(row.basePriceMinor, list.currency), row.stock]);
  }
  sheet.autoFilter = { from: { row: headerRowNumber, column: 1 }, to: { row: headerRowNumber, column: 8 } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
