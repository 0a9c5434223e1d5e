import ExcelJS from "exceljs";
import type { DeepAnalytics } from "./deep-analytics";
import { ORDER_BUCKETS } from "./order-buckets";
import type { SalesStatistics } from "./sales-stats";

/**
 * The statistics as sheets of rows: a summary, the daily series, managers, regions; with the deep
 * analytics (only passed for those who may see them) also buyer activity and managers' orders by state.
 */
export function statisticsTables(stats: SalesStatistics, deep?: DeepAnalytics): Record<string, Array<Array<string | number>>> {
  const money = (minor: number) => Math.round(minor) / 100;
  const totalsText = (totals: Record<string, number>) => Object.entries(totals).map(([c, v]) => `${money(v)} ${c}`).join("; ");
  return {
    Summary: [
      ["Metric", "Value"],
      ["From", stats.range.from],
      ["To", stats.range.to],
      ["Orders", stats.orders],
      ...stats.byCurrency.flatMap((r) => [[`Sum ${r.currency}`, money(r.totalMinor)] as Array<string | number>, [`Average check ${r.currency}`, money(r.averageCheckMinor)]]),
      ["New users", stats.newUsers],
      ["Users who ordered", stats.buyersWhoOrdered],
      ["Average orders per buyer", stats.averageOrders],
      ["Buyer accounts", stats.engagement.buyers],
      ["Engaged buyers", stats.engagement.active],
      ["Engagement, %", stats.engagement.percent],
      ["Buyers with a cart", stats.bounce.carted],
      ["Bounced (cart, no order)", stats.bounce.bounced],
      ["Bounce, %", stats.bounce.percent],
      ["Invoiced, %", stats.invoicedShare],
      ["Shipped, %", stats.shippedShare],
      ["Carts", stats.carts.count],
      ...stats.funnel.map((f) => [`Funnel: ${f.step}`, f.count] as Array<string | number>),
    ],
    Daily: [["Day", "Orders", `Sum ${stats.mainCurrency}`], ...stats.daily.map((d) => [d.day, d.orders, money(d.totalMinor)])],
    Managers: [["Manager", "Companies", "Orders", "Sums"], ...stats.perManager.map((m) => [m.name || "—", m.companies, m.orders, totalsText(m.totals)])],
    Regions: [["Region", "Companies", "Orders", "Sums"], ...stats.perRegion.map((r) => [r.name || "—", r.companies, r.orders, totalsText(r.totals)])],
    ...(deep ? deepTables(deep, totalsText) : {}),
  };
}

function deepTables(deep: DeepAnalytics, totalsText: (totals: Record<string, number>) => string): Record<string, Array<Array<string | number>>> {
  const stateHeader = ORDER_BUCKETS.flatMap((b) => [`${b}: orders`, `${b}: sums`]);
  const stateCells = (row: DeepAnalytics["shop"]) => ORDER_BUCKETS.flatMap((b) => [row.byBucket[b].orders, totalsText(row.byBucket[b].totals)] as Array<string | number>);
  return {
    "Buyer activity": [
      ["Document", "Count", "Products", "Sums"],
      ...(["carts", "quotes", "orders"] as const).map((k) => [k, deep.activity[k].count, deep.activity[k].products, totalsText(deep.activity[k].totals)]),
    ],
    "Manager orders": [
      ["Manager", "Processed orders", "Processed sums", ...stateHeader],
      ...deep.perManager.map((m) => [m.name || "—", m.processed.orders, totalsText(m.processed.totals), ...stateCells(m)]),
      ["Whole shop", deep.shop.processed.orders, totalsText(deep.shop.processed.totals), ...stateCells(deep.shop)],
    ],
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function statisticsCsv(stats: SalesStatistics, deep?: DeepAnalytics): string {
  const tables = statisticsTables(stats, deep);
  return Object.entries(tables)
    .map(([name, rows]) => [`# ${name}`, ...rows.map((r) => r.map(csvCell).join(","))].join("\n"))
    .join("\n\n") + "\n";
}

export async function statisticsXlsx(stats: SalesStatistics, deep?: DeepAnalytics): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(statisticsTables(stats, deep))) {
    const sheet = book.addWorksheet(name);
    rows.forEach((row) => sheet.addRow(row));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 22));
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
