import PDFDocument from "pdfkit";
import { pdfFontPath } from "../documents/pdf-fonts";
import { fromMinorUnits } from "../money/money";
import type { PriceListLabels } from "./price-list-labels";
import type { PriceList } from "./price-list-rows";


const COLUMNS = [
  { key: "sku", width: 80 },
  { key: "name", width: 250 },
  { key: "brand", width: 70 },
  { key: "unit", width: 35 },
  { key: "price", width: 70 },
  { key: "stock", width: 50 },
] as const;

const money = (minor: number | null, currency: string, onRequest: string) =>
  minor === null ? onRequest : Number(fromMinorUnits(minor, currency)).toLocaleString("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The price list as an A4 PDF table, grouped by section, with a header row repeated on every page. */
export function priceListPdf(list: PriceList, labels: PriceListLabels): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 28, info: { Title: labels.title, Author: "T3 CRM" } });
  doc.registerFont("body", pdfFontPath("DejaVuSans.ttf"));
  doc.registerFont("bold", pdfFontPath("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.font("bold").fontSize(15).text(labels.title);
  doc.font("body").fontSize(9).moveDown(0.3);
  doc.text(`${labels.company}: ${list.companyName ?? "—"}    ${labels.region}: ${list.regionName ?? "—"}`);
  doc.text(`${labels.generated}: ${list.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC    ${labels.items}: ${list.rows.length}`);
  if (!list.personal) doc.text(labels.publicPrices);
  doc.moveDown(0.6);

  const headers: Record<(typeof COLUMNS)[number]["key"], string> = {
    sku: labels.sku,
    name: labels.name,
    brand: labels.brand,
    unit: labels.unit,
    price: `${labels.price}, ${list.currency}`,
    stock: labels.stock,
  };
  const drawRow = (cells: Record<string, string>, font: "body" | "bold") => {
    doc.font(font).fontSize(7.5);
    const height = Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key] ?? "", { width: c.width - 4 }))) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (font === "body") drawHeader();
      doc.font(font).fontSize(7.5);
    }
    const top = doc.y;
    let x = left;
    for (const column of COLUMNS) {
      const numeric = column.key === "price" || column.key === "stock";
      doc.text(cells[column.key] ?? "", x + 2, top + 2, { width: column.width - 4, align: numeric ? "right" : "left" });
      x += column.width;
    }
    doc.moveTo(left, top + height).lineTo(x, top + height).lineWidth(0.3).strokeColor("#cccccc").stroke();
    doc.x = left;
    doc.y = top + height;
  };
  const drawHeader = () => drawRow(headers, "bold");

  drawHeader();
  let section: string | null | undefined;
  for (const row of list.rows) {
    if (row.section !== section) {
      section = row.section;
      if (doc.y + 30 > bottom()) {
        doc.addPage();
        drawHeader();
      }
      doc.font("bold").fontSize(8.5).text(section ?? "—", left, doc.y + 4);
      doc.y += 2;
    }
    drawRow(
      {
        sku: row.sku,
        name: row.name,
        brand: row.brand ?? "",
        unit: labels.units[row.unit] ?? row.unit,
        price: money(row.priceMinor, list.currency, labels.onRequest),
        stock: row.stock.toLocaleString("ru-RU", { maximumFractionDigits: 3 }),
      },
      "body",
    );
  }
  doc.end();
  return done;
}
