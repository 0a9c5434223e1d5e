import { z } from "zod";
import type { Db } from "../../db/client";
import { isLocale, type AppLocale } from "../../i18n/locales";
import { can } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { DomainError } from "../domain/errors";
import { priceListLabels } from "../domain/price-list/price-list-file-labels";
import { priceListPdf } from "../domain/price-list/price-list-pdf";
import { buildPriceList } from "../domain/price-list/price-list-rows";
import { priceListXlsx } from "../domain/price-list/price-list-xlsx";

const querySchema = z.object({
  format: z.enum(["xlsx", "pdf"], { error: "format: must be xlsx or pdf" }),
  categoryIds: z
    .string({ error: "categoryIds: choose at least one section" })
    .transform((value) => value.split(",").map((id) => id.trim()).filter(Boolean)),
  regionId: z.string().optional().transform((value) => value || undefined),
  inStock: z.enum(["0", "1"], { error: "inStock: must be 0 or 1" }).optional(),
  locale: z.string().optional(),
});

const json = (status: number, error: string) => Response.json({ error }, { status });

/**
 * GET /api/b2b/price-list?format=xlsx|pdf&categoryIds=<id,id>&regionId=&inStock=1: the signed-in
 * buyer's price list for the chosen sections, with the active company's prices and the region's
 * stock. Who may call: buyers (buyer.cabinet) only; staff preview prices through Price check.
 */
export async function handlePriceListDownload(request: Request, deps: { db: Db; session: ActiveSession | null; now?: Date }): Promise<Response> {
  const { session } = deps;
  if (!session) return json(401, "Sign in first");
  if (!can(session.user.role, "buyer.cabinet")) return json(403, "Price lists are for buyers");
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return json(400, issue?.message.includes(":") ? issue.message : `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid value"}`);
  }
  const { format, categoryIds, regionId, inStock } = parsed.data;
  const locale: AppLocale = isLocale(parsed.data.locale) ? parsed.data.locale : isLocale(session.user.locale) ? session.user.locale : "en";
  try {
    const list = await buildPriceList(deps.db, session.user.id, { categoryIds, regionId, inStockOnly: inStock === "1" }, deps.now);
    const labels = priceListLabels(locale);
    const body = format === "xlsx" ? await priceListXlsx(list, labels) : await priceListPdf(list, labels);
    const stamp = list.generatedAt.toISOString().slice(0, 10);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf",
        "content-disposition": `attachment; filename="price-list-${stamp}.${format}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof z.ZodError) return json(400, error.issues[0]?.message ?? "invalid request");
    if (error instanceof DomainError && error.code === "BAD_INPUT") return json(400, error.message);
    throw error;
  }
}
