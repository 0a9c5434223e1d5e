import ExcelJS from "exceljs";
import type { CartView } from "./cart-view";

const minor = (value: number | null) => (value === null ? null : value / 100);

/** The cart as an XLSX sheet: SKU, name, unit, quantity, price, price when added, total. */
export async function cartXlsx(cart: CartView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Cart");
  sheet.columns = [
    { header: "SKU", key: "sku", width: 18 },
    { header: "Name", key: "name", width: 48 },
    { header: "Unit", key: "unit", width: 8 },
    { header: "Quantity", key: "quantity", width: 10 },
    { header: `Price, ${cart.currency}`, key: "price", width: 14 },
    { header: `Price when added, ${cart.currency}`, key: "added", width: 18 },
    { header: `Total, ${cart.currency}`, key: "total", width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const line of cart.lines) {
    sheet.addRow({ sku: line.sku, name: line.name, unit: line.unit, quantity: line.quantity, price: minor(line.unitMinor), added: line.priceChanged ? minor(line.addedUnitMinor) : null, total: minor(line.lineTotalMinor) });
  }
  sheet.addRow({ name: cart.name, total: minor(cart.totalMinor) }).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The quick-order template: a header row with the SKU and quantity columns; the buyer fills the rows below. */
export async function quickOrderTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Quick order");
  sheet.columns = [
    { header: "SKU", key: "sku", width: 20 },
    { header: "Quantity", key: "quantity", width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
