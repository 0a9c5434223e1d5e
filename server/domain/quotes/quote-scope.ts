import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { companies, companyMembers, quotes } from "@/db/schema";
import { companyScope, type CompanyActor } from "../companies/company-scope";
import { notFound } from "../errors";

/** Who looks at quotes (and claims): a staff user within his companies, or a buyer within the companies he works for. */
export type ServiceViewer = { kind: "staff"; actor: CompanyActor } | { kind: "buyer"; userId: string } | { kind: "system" };

/** The condition on a table's company column that limits rows to the viewer's companies. */
export function companyCondition(viewer: ServiceViewer, companyColumn: AnyPgColumn): SQL {
  // Background jobs (the quote e-mail) act for the system, not for a person.
  if (viewer.kind === "system") return sql`true`;
  if (viewer.kind === "buyer") {
    return sql`${companyColumn} in (select ${companyMembers.companyId} from ${companyMembers} where ${companyMembers.userId} = ${viewer.userId})`;
  }
  const scope = companyScope(viewer.actor);
  return scope ? sql`${companyColumn} in (select ${companies.id} from ${companies} where ${scope})` : sql`true`;
}

/** The quote's company, if the viewer may see it; another manager's quote does not exist for him. */
export async function assertQuoteVisible(db: Db, viewer: ServiceViewer, quoteId: string) {
  const [row] = await db.select().from(quotes).where(and(eq(quotes.id, quoteId), companyCondition(viewer, quotes.companyId)));
  if (!row) throw notFound("Quote");
  return row;
}
