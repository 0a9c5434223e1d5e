import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../server/domain/auth/passwords";
import { completeCorrespondentAccount, completeOgrn, completeOrganisationInn, completeSettlementAccount } from "../../server/domain/companies/requisites";
import type { Db } from "../client";
import { supplierDocuments, supplierMembers, supplierNews, suppliers, users } from "../schema";

const DEMO_SUPPLIER_EMAIL = "supplier@demo.t3crm.local";
const APPLICANT_EMAIL = "applicant@demo.t3crm.local";
const BIK = "044525225";

/** A one-page PDF saying what it is: enough for the reviewer's download to open something real. */
const DEMO_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 52>>stream\nBT /F1 14 Tf 20 70 Td (Demo charter - T3 CRM) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/**
 * Supplier registration demo (idempotent: only when no supplier news exists yet): one pending
 * application with a document for the admins' queue, and news of the demo supplier — one
 * published, one promotion waiting for the moderators.
 */
export async function seedDemoSupplierRegistration(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(supplierNews);
  if ((existing?.n ?? 0) > 0) return;
  const [demo] = await db
    .select({ id: suppliers.id })
    .from(supplierMembers)
    .innerJoin(users, eq(users.id, supplierMembers.userId))
    .innerJoin(suppliers, eq(suppliers.id, supplierMembers.supplierId))
    .where(eq(users.email, DEMO_SUPPLIER_EMAIL))
    .limit(1);
  const [applicantTaken] = await db.select({ id: users.id }).from(users).where(eq(users.email, APPLICANT_EMAIL));
  const passwordHash = applicantTaken ? null : await hashPassword("demo-applicant-1");
  const today = new Date();
  const inMonth = new Date(today.getTime() + 30 * 86_400_000);
  await db.transaction(async (tx) => {
    if (passwordHash) {
      const [pending] = await tx
        .insert(suppliers)
        .values({
          name: "ООО «СветТорг»", inn: completeOrganisationInn("500101234"), kpp: "500101001", ogrn: completeOgrn("102500112345"),
          legalAddress: "141701, Московская обл., г. Долгопрудный, ул. Заводская, д. 3", contactName: "Мария Светлова", contactEmail: APPLICANT_EMAIL, contactPhone: "79990000077",
          bank: { bankName: "ПАО Сбербанк", bik: BIK, account: completeSettlementAccount("40702810500000001234", BIK), correspondentAccount: completeCorrespondentAccount("30101810400000000225", BIK) },
          website: "https://svettorg.example", description: "Светодиодные светильники и лампы, склад в Долгопрудном.",
        })
        .returning({ id: suppliers.id });
      const [user] = await tx
        .insert(users)
        .values({ kind: "supplier", role: "supplier", name: "Мария Светлова", email: APPLICANT_EMAIL, passwordHash, locale: "ru", isActive: false })
        .returning({ id: users.id });
      await tx.insert(supplierMembers).values({ userId: user!.id, supplierId: pending!.id, isOwner: true });
      await tx.insert(supplierDocuments).values({ supplierId: pending!.id, fileName: "ustav-svettorg.pdf", contentType: "application/pdf", sizeBytes: DEMO_PDF.length, content: DEMO_PDF });
    }
    if (demo) {
      await tx.insert(supplierNews).values([
        {
          supplierId: demo.id, kind: "news", status: "approved", reviewedAt: today, title: "Новая линейка диммеров",
          body: "Поступили в продажу поворотные и сенсорные диммеры для светодиодных ламп. Совместимы с рамками всех наших серий.",
        },
        {
          supplierId: demo.id, kind: "promotion", status: "pending", title: "Скидка 10% на датчики движения",
          body: "До конца месяца — скидка 10% на все датчики движения при заказе от 20 штук.",
          startsOn: today.toISOString().slice(0, 10), endsOn: inMonth.toISOString().slice(0, 10),
        },
      ]);
    }
  });
}
