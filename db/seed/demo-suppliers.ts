import { count, eq, inArray } from "drizzle-orm";
import { completeOgrn, completeOrganisationInn } from "../../server/domain/companies/requisites";
import type { Db } from "../client";
import { categories, productCategories, products, supplierMembers, suppliers, users } from "../schema";

const DEMO_SUPPLIER_EMAIL = "supplier@demo.t3crm.local";
/** The demo supplier sells these sections of the demo catalog; the rest is the operator's own. */
const SUPPLIER_SECTIONS = ["Розетки USB", "Диммеры", "Датчики движения"];

/**
 * Marketplace demo data (idempotent; only when no supplier exists yet): an approved supplier
 * whose owner is the demo supplier login, owning the products of a few demo sections.
 */
export async function seedDemoSuppliers(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(suppliers);
  if ((existing?.n ?? 0) > 0) return;
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_SUPPLIER_EMAIL));
  if (!owner) return;
  await db.transaction(async (tx) => {
    const [supplier] = await tx
      .insert(suppliers)
      .values({
        name: "ООО «ЭлектроПоставка»",
        inn: completeOrganisationInn("773401234"),
        kpp: "773401001",
        ogrn: completeOgrn("102773912345"),
        legalAddress: "125363, г. Москва, ул. Новопоселковая, д. 6, стр. 1",
        contactName: "Sofia Supplier",
        contactEmail: DEMO_SUPPLIER_EMAIL,
        contactPhone: "79990000002",
        status: "approved",
        reviewedAt: new Date(),
      })
      .returning({ id: suppliers.id });
    await tx.insert(supplierMembers).values({ userId: owner.id, supplierId: supplier!.id, isOwner: true });
    const sections = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.name, SUPPLIER_SECTIONS));
    if (sections.length === 0) return;
    const owned = tx
      .select({ id: productCategories.productId })
      .from(productCategories)
      .where(inArray(productCategories.categoryId, sections.map((s) => s.id)));
    await tx.update(products).set({ supplierId: supplier!.id }).where(inArray(products.id, owned));
  });
}
