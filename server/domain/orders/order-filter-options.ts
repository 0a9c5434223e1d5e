import { asc } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { processors, shops } from "../../../db/schema";

/** The choices of the orders list's filter selects. */
export async function listOrderFilterOptions(db: Db) {
  const [shopRows, processorRows] = await Promise.all([
    db.select({ id: shops.id, name: shops.name }).from(shops).orderBy(asc(shops.name)),
    db.select({ id: processors.id, name: processors.name }).from(processors).orderBy(asc(processors.name)),
  ]);
  return { shops: shopRows, processors: processorRows };
}
