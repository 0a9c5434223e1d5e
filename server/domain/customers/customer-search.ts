import { z } from "zod";
import type { CustomerSort } from "./customer-schemas";

/**
 * How a search box text is matched, so that every kind of search is a prefix (range) match on
 * an indexed expression (see the customers indexes in db/schema/orders.ts):
 * - with "@": the e-mail's beginning;
 * - phone-like (digits, spaces, + ( ) - .) with at least 3 digits: the phone's digits' beginning
 *   (country code first, as the shops send it);
 * - anything else: the e-mail's, the first name's ("john sm") or the last name's ("smith j")
 *   beginning.
 */
export type SearchPlan =
  | { kind: "email"; prefix: string }
  | { kind: "phone"; digits: string }
  | { kind: "text"; prefix: string };

const PHONE_LIKE = /^\+?[\d\s().-]+$/;

export function planSearch(raw: string | undefined): SearchPlan | null {
  const text = (raw ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (!text) return null;
  if (text.includes("@")) return { kind: "email", prefix: text };
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/\D/g, "");
    if (digits.length >= 3) return { kind: "phone", digits };
  }
  return { kind: "text", prefix: text };
}

/**
 * The values that begin with `prefix`, as a half-open range [from, to) in the "C" collation
 * (byte order, which is code point order for UTF-8): "olga" → ["olga", "olgb"). Unlike
 * `like $1`, a range on a parameter stays indexable in a cached (generic) plan, and wildcards
 * need no escaping.
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const points = Array.from(prefix);
  const last = points.pop();
  if (last === undefined) throw new Error("empty prefix");
  let code = (last.codePointAt(0) ?? 0) + 1;
  if (code >= 0xd800 && code <= 0xdfff) code = 0xe000;
  return { from: prefix, to: points.join("") + String.fromCodePoint(Math.min(code, 0x10ffff)) };
}

/**
 * A keyset cursor: the sort key and id of the row a page ends (or starts) at, opaque to the
 * browser (base64url JSON) and checked on the way back in.
 */
export interface CustomerCursor {
  sort: CustomerSort;
  key: string | number;
  id: string;
}

/** A timestamptz as PostgreSQL prints it ("2026-11-23 11:28:57.123456+00") or in ISO form. */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const cursorSchema = z.object({
  s: z.enum(["joined", "orders", "total", "name"]),
  k: z.union([z.string().max(250), z.number().int()]),
  i: z.uuid(),
});

export function encodeCursor(cursor: CustomerCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id }), "utf8").toString("base64url");
}

/** The cursor, or null when it is malformed or was made for another sort order (the list then starts over). */
export function decodeCursor(raw: string | undefined, sort: CustomerSort): CustomerCursor | null {
  if (!raw) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.s !== sort) return null;
    const { k, i } = parsed.data;
    if (sort === "joined" && (typeof k !== "string" || !TIMESTAMP_TEXT.test(k))) return null;
    if ((sort === "orders" || sort === "total") && typeof k !== "number") return null;
    if (sort === "name" && typeof k !== "string") return null;
    return { sort, key: k, id: i };
  } catch {
    return null;
  }
}

/** The end of a joining-date range is inclusive: "to 2026-11-23" means before 2026-11-24. */
export function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
