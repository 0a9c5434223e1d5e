import PDFDocument from "pdfkit";
import { drawLinesTable, formatAmount } from "../documents/pdf-lines-table";
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

    drawLinesTable(doc, data.currency, data.lines);
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
