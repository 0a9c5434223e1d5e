import path from "node:path";
import type { Db } from "../../../db/client";
import type { ExchangeCategory } from "../../../db/schema";
import { collectElements, fileSource, type Selector } from "../../integrations/commerceml/xml-stream";
import { catalogSelector, CatalogBatcher } from "./import-catalog";
import { classifierSelector, importClassifierItem, loadClassifierMaps } from "./import-classifier";
import { ImportContext, type RunCounts } from "./import-context";
import { counterpartySelector, importCounterparty } from "./import-counterparties";
import { offersSelector, OffersBatcher } from "./import-offers";
import { importSaleDocument, saleSelector } from "./import-sale";
import { runLogged } from "./runs";

export type ImportStep = "classifier" | "catalog" | "offers" | "counterparties" | "documents";

const CATEGORIES: Record<ImportStep, readonly ExchangeCategory[]> = {
  classifier: ["catalog", "counterparties"],
  catalog: ["catalog"],
  offers: ["prices", "stock"],
  counterparties: ["counterparties"],
  documents: ["orders", "counterparties"],
};

/** The steps a file goes through, by its name as 1C gives it (import*.xml, offers*.xml, prices/rests*.xml, orders*.xml). */
export function stepsFor(fileName: string, type: "catalog" | "sale"): ImportStep[] {
  const base = path.basename(fileName).toLowerCase();
  if (type === "sale") return ["documents"];
  if (base.startsWith("import")) return ["classifier", "catalog"];
  if (base.startsWith("offers") || base.startsWith("prices") || base.startsWith("rests")) return ["offers"];
  if (base.startsWith("contragents") || base.startsWith("counterparties")) return ["counterparties"];
  if (base.startsWith("orders") || base.startsWith("documents")) return ["documents"];
  return ["classifier", "catalog", "offers"];
}

async function forEach(file: string, select: Selector, handle: (kind: string, node: Parameters<typeof importCounterparty>[1]) => Promise<void>) {
  let seen = 0;
  for await (const item of collectElements(fileSource(file), select)) {
    seen += 1;
    await handle(item.kind, item.node);
  }
  return seen;
}

async function runStep(ctx: ImportContext, step: ImportStep, file: string): Promise<number> {
  switch (step) {
    case "classifier":
      return forEach(file, classifierSelector, (kind, node) => importClassifierItem(ctx, { kind, node }));
    case "catalog": {
      const batcher = new CatalogBatcher(ctx, await loadClassifierMaps(ctx));
      const seen = await forEach(file, catalogSelector, (_kind, node) => batcher.add(node));
      await batcher.flush();
      return seen;
    }
    case "offers": {
      const batcher = new OffersBatcher(ctx);
      const seen = await forEach(file, offersSelector, async (kind, node) => {
        if (kind === "priceType") await batcher.priceType(node);
        else if (kind === "warehouse") await batcher.warehouse(node);
        else await batcher.add(node);
      });
      await batcher.flush();
      return seen;
    }
    case "counterparties":
      return forEach(file, counterpartySelector, (_kind, node) => importCounterparty(ctx, node));
    case "documents":
      return forEach(file, saleSelector, (_kind, node) => importSaleDocument(ctx, node));
  }
}

export type StepResult = { ok: true; step: ImportStep; counts: Map<ExchangeCategory, RunCounts> } | { ok: false; step: ImportStep; error: string };

/**
 * Runs one step of one uploaded file in one transaction, logged as runs of its categories. A
 * category the file holds nothing of leaves no run behind.
 */
export async function importFileStep(db: Db, file: string, step: ImportStep): Promise<StepResult> {
  const result = await runLogged(db, CATEGORIES[step], path.basename(file), async (tx) => {
    const ctx = new ImportContext(tx);
    await runStep(ctx, step, file);
    return ctx;
  });
  if (!result.ok) return { ok: false, step, error: result.error };
  return { ok: true, step, counts: result.context.counts };
}

/** All steps of a file, one after another (what the exchange does over several `import` calls). */
export async function importFile(db: Db, file: string, type: "catalog" | "sale" = "catalog"): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of stepsFor(file, type)) {
    const result = await importFileStep(db, file, step);
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}
