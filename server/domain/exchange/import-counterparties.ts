import { and, eq, isNull, sql } from "drizzle-orm";
import { companies } from "../../../db/schema";
import { child, textOf, type XmlNode } from "../../integrations/commerceml/xml-stream";
import type { ImportContext } from "./import-context";

export function counterpartySelector(path: readonly string[]): string | null {
  // Counterparties of documents are read with their document; these are the directory's own.
  if (path.includes("Документ")) return null;
  return path[path.length - 1] === "Контрагент" && path[path.length - 2] === "Контрагенты" ? "counterparty" : null;
}

function addressOf(node: XmlNode, name: string): string | null {
  return textOf(child(node, name), "Представление") || null;
}

/**
 * A counterparty → a company, matched on the 1C id, or linked to the company with the same
 * ИНН/КПП. One without an ИНН (a private person) is skipped with a note: companies are legal entities.
 */
export async function importCounterparty(ctx: ImportContext, node: XmlNode): Promise<void> {
  const erpId = textOf(node, "Ид");
  const name = textOf(node, "ОфициальноеНаименование") || textOf(node, "ПолноеНаименование") || textOf(node, "Наименование");
  const counts = ctx.count("counterparties");
  counts.total += 1;
  const base = { category: "counterparties" as const, entity: "counterparty", externalId: erpId || null, label: name || null };
  if (!erpId || !name) {
    ctx.log({ ...base, status: "error", message: "Контрагент без Ид или наименования" });
    return;
  }
  const inn = textOf(node, "ИНН").replace(/\D/g, "");
  if (inn.length !== 10 && inn.length !== 12) {
    ctx.log({ ...base, status: "skipped", message: "Нет ИНН: частное лицо, не юр. лицо" });
    return;
  }
  const kpp = textOf(node, "КПП") || null;
  const fields = {
    name,
    inn,
    kpp,
    ogrn: textOf(node, "ОГРН") || null,
    legalAddress: addressOf(node, "ЮридическийАдрес") ?? addressOf(node, "АдресРегистрации"),
    postalAddress: addressOf(node, "Адрес"),
  };
  const { tx } = ctx;
  const [mine] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.erpId, erpId));
  if (!mine) {
    const [same] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.inn, inn), kpp ? eq(companies.kpp, kpp) : isNull(companies.kpp), isNull(companies.erpId)));
    if (same) {
      await tx.update(companies).set({ ...fields, erpId, updatedAt: new Date() }).where(eq(companies.id, same.id));
      counts.updated += 1;
      ctx.log({ ...base, status: "done", message: "Связан с существующей компанией по ИНН/КПП" });
      return;
    }
    await tx.insert(companies).values({ ...fields, erpId });
    counts.created += 1;
    ctx.log({ ...base, status: "done", message: null });
    return;
  }
  const changed = await tx
    .update(companies)
    .set({ ...fields, updatedAt: new Date() })
    .where(
      and(
        eq(companies.id, mine.id),
        sql`(${companies.name}, ${companies.inn}, ${companies.kpp}, ${companies.ogrn}, ${companies.legalAddress}, ${companies.postalAddress}) is distinct from (${fields.name}, ${fields.inn}, ${fields.kpp}::text, ${fields.ogrn}::text, ${fields.legalAddress}::text, ${fields.postalAddress}::text)`,
      ),
    )
    .returning({ id: companies.id });
  if (changed.length > 0) counts.updated += 1;
  ctx.log({ ...base, status: "done", message: null });
}
