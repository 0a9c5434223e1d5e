import PDFDocument from "pdfkit";
import { formatAmount } from "../b2b-orders/invoice-pdf";
import { pdfFontPath } from "../documents/pdf-fonts";
import type { PricedLine } from "./quote-math";

export interface QuotePdfData {
  number: string;
  date: string;
  validUntil: string | null;
  /** Who offers: our company for a manager's quote, the reseller for its own customer. */
  sellerName: string;
  customerName: string;
  currency: string;
  lines: PricedLine[];
  totalMinor: number;
  terms: string | null;
}

/** «Коммерческое предложение» as PDF bytes (DejaVu fonts, so Cyrillic renders). */
export function renderQuotePdf(data: QuotePdfData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: `Коммерческое предложение № ${data.number}`, Author: data.sellerName } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("regular", pdfFontPath("DejaVuSans.ttf"));
    doc.registerFont("bold", pdfFontPath("DejaVuSans-Bold.ttf"));

    doc.font("bold").fontSize(14).text(`Коммерческое предложение № ${data.number} от ${data.date}`);
    doc.moveDown(0.5);
    doc.font("regular").fontSize(9);
    doc.text(`Поставщик: ${data.sellerName}`);
    doc.text(`Получатель: ${data.customerName}`);
    if (data.validUntil) doc.text(`Действительно до: ${data.validUntil}`);
    doc.moveDown();

    const cols = [
      { title: "№", width: 24 },
      { title: "Артикул", width: 80 },
      { title: "Товар", width: 190 },
      { title: "Кол-во", width: 50 },
      { title: "Ед.", width: 30 },
      { title: `Цена, ${data.currency}`, width: 70 },
      { title: `Сумма, ${data.currency}`, width: 71 },
    ];
    const left = doc.page.margins.left;
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? "bold" : "regular").fontSize(8);
      let x = left;
      let height = 0;
      cells.forEach((cell, i) => {
        const width = cols[i]!.width;
        const options = { width: width - 4, align: i >= 3 && i !== 4 ? ("right" as const) : ("left" as const) };
        height = Math.max(height, doc.heightOfString(cell, options));
        doc.text(cell, x + 2, y + 2, options);
        x += width;
      });
      const bottom = y + height + 4;
      doc.rect(left, y, cols.reduce((sum, c) => sum + c.width, 0), bottom - y).stroke();
      doc.x = left;
      doc.y = bottom;
      if (doc.y > doc.page.height - 120) doc.addPage();
    };
    row(cols.map((c) => c.title), true);
    data.lines.forEach((line, i) => row([String(i + 1), line.sku, line.name, String(line.quantity), line.unit, formatAmount(line.unitMinor), formatAmount(line.lineTotalMinor)]));
    doc.moveDown();
    doc.font("bold").fontSize(10).text(`Итого: ${formatAmount(data.totalMinor)} ${data.currency}`, { align: "right" });
    if (data.terms) {
      doc.moveDown();
      doc.font("bold").fontSize(9).text("Условия");
      doc.font("regular").text(data.terms);
    }
    doc.end();
  });
}
