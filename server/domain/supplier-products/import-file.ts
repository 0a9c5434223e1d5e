import ExcelJS from "exceljs";
import { badInput } from "../errors";
import { columnOfHeader, IMPORT_COLUMNS, type ImportColumn, type RawImportRow } from "./import-rows";

export const MAX_IMPORT_ROWS = 5000;

/** Splits CSV text (RFC 4180 quotes; the delimiter ";" or "," as the header line uses). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if (value instanceof Date) return value.toISOString();
    return "";
  }
  return String(value);
}

async function xlsxTable(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badInput("The file is not a readable XLSX workbook", "file");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    table[number - 1] = cells;
  });
  return Array.from(table, (r) => r ?? []);
}

/** The file's rows keyed by column (header row first; unknown columns ignored, empty lines skipped). */
export async function readImportFile(fileName: string, bytes: Buffer): Promise<RawImportRow[]> {
  let table: string[][];
  if (/\.xlsx$/i.test(fileName)) table = await xlsxTable(bytes);
  else if (/\.csv$/i.test(fileName)) table = parseCsv(bytes.toString("utf8"));
  else throw badInput("Upload an .xlsx or .csv file", "file");
  const [header, ...lines] = table;
  const columns = (header ?? []).map((h) => columnOfHeader(h));
  if (!columns.includes("sku")) throw badInput("The first row must name the columns; the SKU column is missing", "file");
  const rows = lines
    .map((cells) => {
      const row: RawImportRow = {};
      columns.forEach((column, i) => {
        if (column) row[column] = (cells[i] ?? "").trim();
      });
      return row;
    });
  while (rows.length && Object.values(rows[rows.length - 1]!).every((v) => !v)) rows.pop();
  if (rows.length > MAX_IMPORT_ROWS) throw badInput(`At most ${MAX_IMPORT_ROWS} rows per file`, "file");
  return rows;
}

const TEMPLATE_HEADERS: Record<ImportColumn, string> = {
  sku: "SKU",
  name: "Name",
  category: "Category",
  brand: "Brand",
  description: "Description",
  price: "Price",
  stock: "Stock",
  warehouse: "Warehouse",
};

/** The template: the header row and one example line. */
export async function importTemplateXlsx(example: { category: string; warehouse: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Products");
  sheet.columns = IMPORT_COLUMNS.map((key) => ({ header: TEMPLATE_HEADERS[key], key, width: key === "name" || key === "description" ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({ sku: "EXAMPLE-001", name: "Розетка с USB, белая", category: example.category, brand: "", description: "", price: 450.5, stock: 100, warehouse: example.warehouse });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
