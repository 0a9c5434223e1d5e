import PDFDocument from "pdfkit";
import type { BankDetails } from "@/db/schema";
import { drawLinesTable, formatAmount } from "../documents/pdf-lines-table";
import { pdfFontPath } from "../documents/pdf-fonts";

export interface InvoiceData {
  number: string;
  date: string;
  seller: { name: string; inn: string; kpp: string; address: string; bankName: string; bik: string; account: string; correspondentAccount: string };
  buyer: { name: string; inn: string; kpp: string | null; address: string | null; bank: BankDetails | null };
  consignee: string | null;
  currency: string;
  lines: Array<{ sku: string; name: string; unit: string; quantity: number; unitMinor: number; lineTotalMinor: number }>;
  totalMinor: number;
  vatMinor: number;
  vatPercent: number;
}


/** Renders «Счёт на оплату» (an invoice for payment) with both parties' requisites and VAT, as PDF bytes. */
export function renderInvoicePdf(data: InvoiceData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: `Счёт на оплату № ${data.number}`, Author: data.seller.name } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("regular", pdfFontPath("DejaVuSans.ttf"));
    doc.registerFont("bold", pdfFontPath("DejaVuSans-Bold.ttf"));

    const s = data.seller;
    doc.font("regular").fontSize(9);
    doc.text(`Банк получателя: ${s.bankName}, БИК ${s.bik}, корр. счёт ${s.correspondentAccount}`);
    doc.text(`Получатель: ${s.name}, ИНН ${s.inn}, КПП ${s.kpp}, расчётный счёт ${s.account}`);
    doc.moveDown();
    doc.font("bold").fontSize(14).text(`Счёт на оплату № ${data.number} от ${data.date}`);
    doc.moveDown(0.5);
    doc.font("regular").fontSize(9);
    doc.text(`Поставщик: ${s.name}, ИНН ${s.inn}, КПП ${s.kpp}, ${s.address}`);
    const b = data.buyer;
    doc.text(`Покупатель: ${b.name}, ИНН ${b.inn}${b.kpp ? `, КПП ${b.kpp}` : ""}${b.address ? `, ${b.address}` : ""}`);
    if (b.bank) doc.text(`Банк покупателя: ${b.bank.bankName}, БИК ${b.bank.bik}, р/с ${b.bank.account}`);
    if (data.consignee) doc.text(`Грузополучатель: ${data.consignee}`);
    doc.moveDown();

    drawLinesTable(doc, data.currency, data.lines);
    doc.moveDown();
    doc.font("bold").fontSize(10);
    doc.text(`Итого: ${formatAmount(data.totalMinor)} ${data.currency}`, { align: "right" });
    doc.font("regular").text(`В том числе НДС ${data.vatPercent}%: ${formatAmount(data.vatMinor)} ${data.currency}`, { align: "right" });
    doc.text(`Всего наименований ${data.lines.length}, на сумму ${formatAmount(data.totalMinor)} ${data.currency}`);
    doc.moveDown(2);
    doc.text("Руководитель ____________________        Бухгалтер ____________________");
    doc.end();
  });
}
