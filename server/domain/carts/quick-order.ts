import ExcelJS from "exceljs";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { productVariants } from "@/db/schema";
import { normalizeQuantity } from "../catalog/quantity";
import { badInput } from "../errors";
import { addCartLine, loadOrderableUnits, quantityProblem } from "./cart-lines";
import { activeCart } from "./carts";

export interface QuickOrderRow {
  /** 1-based line of the pasted text or the sheet (the header is line 1 of a sheet). */
  line: number;
  sku: string;
  quantityText: string;
}

export type QuickOrderProblem = "unknown_sku" | "bad_quantity" | "below_min" | "not_multiple" | "not_orderable";

export interface QuickOrderLineReport {
  line: number;
  sku: string;
  quantity: number | null;
  ok: boolean;
  problem?: QuickOrderProblem;
  /** For below_min / not_multiple: the minimum, the multiple and the nearest valid quantity. */
  minQty?: number;
  multiple?: number;
  suggested?: number;
  unit?: string;
}

export interface QuickOrderReport {
  cartId: string;
  cartName: string;
  added: number;
  rejected: number;
  lines: QuickOrderLineReport[];
}

const MAX_ROWS = 2000;

/** "SKU qty" per line; a tab, semicolon, comma or spaces between them; a decimal comma is allowed. */
export function parsePastedLines(text: string): QuickOrderRow[] {
  const rows: QuickOrderRow[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(.+?)[\s;\t,]+([^\s;\t]+)$/.exec(line);
    rows.push(match ? { line: index + 1, sku: match[1]!.trim(), quantityText: match[2]!.trim() } : { line: index + 1, sku: line, quantityText: "" });
  });
  return rows;
}

/** Reads the template: the first sheet, a header row, then SKU in column A and quantity in column B. */
export async function parseQuickOrderXlsx(content: Buffer): Promise<QuickOrderRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badInput("The file could not be read as XLSX", "file");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput("The file has no sheet", "file");
  const rows: QuickOrderRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const sku = row.getCell(1).text.trim();
    const quantityText = row.getCell(2).text.trim();
    if (!sku && !quantityText) return;
    rows.push({ line: number, sku, quantityText });
  });
  return rows;
}

function parseQuantity(text: string): number | null {
  const normalized = text.replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value > 0 ? value : null;
}

/**
 * Checks every row (unknown SKU, a quantity that is not a number, below the minimum, not a
 * multiple, a product no longer sold) and puts the good ones into the active cart in the
 * product's default unit. Returns a report line per row.
 */
export async function quickOrder(db: Db, userId: string, rows: QuickOrderRow[]): Promise<QuickOrderReport> {
  if (rows.length === 0) throw badInput("No lines: enter a SKU and a quantity per line", "lines");
  if (rows.length > MAX_ROWS) throw badInput(`At most ${MAX_ROWS} lines at a time`, "lines");
  const skus = [...new Set(rows.map((r) => r.sku.toLowerCase()).filter(Boolean))];
  const variants = skus.length
    ? await db
        .select({ id: productVariants.id, sku: productVariants.sku })
        .from(productVariants)
        .where(inArray(sql`lower(${productVariants.sku})`, skus))
    : [];
  const bySku = new Map(variants.map((v) => [v.sku.toLowerCase(), v]));
  const units = await loadOrderableUnits(
    db,
    variants.map((v) => v.id),
  );
  const cart = await activeCart(db, userId);
  const lines: QuickOrderLineReport[] = [];
  let added = 0;
  for (const row of rows) {
    const variant = bySku.get(row.sku.toLowerCase());
    const quantity = parseQuantity(row.quantityText);
    if (!variant) {
      lines.push({ line: row.line, sku: row.sku, quantity, ok: false, problem: "unknown_sku" });
      continue;
    }
    const unit = units.get(`${variant.id}|`);
    if (!unit || unit.status !== "published") {
      lines.push({ line: row.line, sku: variant.sku, quantity, ok: false, problem: "not_orderable" });
      continue;
    }
    if (quantity === null) {
      lines.push({ line: row.line, sku: variant.sku, quantity: null, ok: false, problem: "bad_quantity", unit: unit.unit });
      continue;
    }
    const problem = quantityProblem(quantity, unit);
    if (problem) {
      lines.push({
        line: row.line, sku: variant.sku, quantity, ok: false, problem: problem === "min" ? "below_min" : "not_multiple",
        minQty: unit.minQty, multiple: unit.multiple, suggested: normalizeQuantity(quantity, unit), unit: unit.unit,
      });
      continue;
    }
    await addCartLine(db, userId, { cartId: cart.id, variantId: variant.id, unit: unit.unit, quantity });
    added += 1;
    lines.push({ line: row.line, sku: variant.sku, quantity, ok: true, unit: unit.unit });
  }
  return { cartId: cart.id, cartName: cart.name, added, rejected: lines.length - added, lines };
}
