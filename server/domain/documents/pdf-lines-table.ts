import type PDFDocument from "pdfkit";

export interface PdfLine {
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitMinor: number;
  lineTotalMinor: number;
}

/** 1234567 → "12 345,67": Russian documents group thousands with a space and use a decimal comma. */
export function formatAmount(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")}`;
}

/**
 * The lines table of our Russian documents (invoice, quote): №, SKU, name, quantity, unit,
 * price, sum, in bordered rows that grow with wrapped names and break to a new page near the end.
 * The "regular" and "bold" fonts must be registered on the document.
 */
export function drawLinesTable(doc: InstanceType<typeof PDFDocument>, currency: string, lines: readonly PdfLine[]): void {
  const cols = [
    { title: "№", width: 24 },
    { title: "Артикул", width: 80 },
    { title: "Товар", width: 190 },
    { title: "Кол-во", width: 50 },
    { title: "Ед.", width: 30 },
    { title: `Цена, ${currency}`, width: 70 },
    { title: `Сумма, ${currency}`, width: 71 },
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
  row(
    cols.map((c) => c.title),
    true,
  );
  lines.forEach((line, i) => row([String(i + 1), line.sku, line.name, String(line.quantity), line.unit, formatAmount(line.unitMinor), formatAmount(line.lineTotalMinor)]));
}
