import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { supplierDocuments, supplierMembers, suppliers, users, type BankDetails } from "../../../db/schema";
import { rolesWith } from "../../auth/permissions";
import { recordAudit } from "../audit/record-audit";
import { notify } from "../notifications/notify";
import { normalizeEmail, normalizePhone } from "../auth/identifiers";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { conflict, isUniqueViolation, notFound } from "../errors";
import type { CompanyLookupProvider } from "../../integrations/company-lookup";
import { lookupInnSchema, supplierApplicationSchema, type SupplierApplicationInput } from "./supplier-schemas";

export function bankOf(input: { bankName?: string; bik?: string; account?: string; correspondentAccount?: string }): BankDetails | null {
  if (!input.bik && !input.account) return null;
  return { bankName: input.bankName ?? "", bik: input.bik ?? "", account: input.account ?? "", correspondentAccount: input.correspondentAccount ?? "" };
}

/**
 * A supplier-kind login that only ever applied and was turned down: never switched on, and a
 * member of no supplier but rejected ones. Its owner applying again takes it over (new password,
 * name, language) instead of finding the e-mail "taken" by their own dead application.
 */
async function isRejectedApplicantLogin(db: Pick<Db, "select">, user: { id: string; kind: string; isActive: boolean }): Promise<boolean> {
  if (user.kind !== "supplier" || user.isActive) return false;
  const [live] = await db
    .select({ id: suppliers.id })
    .from(supplierMembers)
    .innerJoin(suppliers, eq(suppliers.id, supplierMembers.supplierId))
    .where(and(eq(supplierMembers.userId, user.id), ne(suppliers.status, "rejected")))
    .limit(1);
  return !live;
}

/**
 * A would-be supplier applies: one transaction writes the pending supplier, its documents and
 * its owner's login. The login is created now (inactive) because the applicant chose the
 * password here and we keep only its hash in one place — users.passwordHash; approval just
 * switches it on. An e-mail that is already a buyer's login proves itself with that buyer's
 * password and becomes the owner without a second account (the cabinet switch, seed 004).
 *
 * One supplier per INN+KPP while it is pending, approved or blocked. A rejected one is reopened
 * rather than duplicated: the same row gets the new details and documents (the earlier documents
 * stay beside them, dated) and goes back to pending, so the supplier keeps one history and the
 * audit entry records what the rejected application said and why it was rejected.
 */
export async function applyAsSupplier(db: Db, rawInput: SupplierApplicationInput, meta: { ip?: string } = {}): Promise<{ supplierId: string; userId: string; reopened: boolean }> {
  const input = supplierApplicationSchema.parse(rawInput);
  const email = normalizeEmail(input.email);
  const phone = normalizePhone(input.phone);
  const [existing] = await db.select({ id: users.id, kind: users.kind, isActive: users.isActive, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).limit(1);
  let takeOver = false;
  if (existing) {
    const samePerson = existing.kind === "buyer" && (await verifyPassword(existing.passwordHash, input.password));
    takeOver = !samePerson && (await isRejectedApplicantLogin(db, existing));
    if (!samePerson && !takeOver) throw conflict("This e-mail already has an account. A buyer applies with their own password; otherwise use another e-mail", "email");
  }
  const passwordHash = existing && !takeOver ? "" : await hashPassword(input.password);
  const details = {
    name: input.name, inn: input.inn, kpp: input.kpp ?? null, ogrn: input.ogrn ?? null, legalAddress: input.legalAddress, postalAddress: input.postalAddress ?? null,
    bank: bankOf(input), contactName: input.contactName, contactEmail: email, contactPhone: phone, website: input.website ?? null, description: input.description ?? null,
  };
  try {
    return await db.transaction(async (tx) => {
      // Locked: two applications for one INN at once queue here, and the second sees the first's row.
      const same = await tx
        .select({ id: suppliers.id, kpp: suppliers.kpp, status: suppliers.status, reason: suppliers.reason, name: suppliers.name, contactEmail: suppliers.contactEmail, reviewedAt: suppliers.reviewedAt })
        .from(suppliers)
        .where(and(eq(suppliers.inn, input.inn), input.kpp ? eq(suppliers.kpp, input.kpp) : undefined))
        .orderBy(desc(suppliers.createdAt))
        .for("update");
      const live = same.find((s) => s.status !== "rejected");
      if (live) throw conflict(live.status === "pending" ? "A supplier with this INN has applied already and is being reviewed" : "A supplier with this INN is registered already", "inn");
      const rejected = same.find((s) => s.kpp === (input.kpp ?? null)) ?? same[0];

      let supplierId: string;
      let earlierMembers: string[] = [];
      if (rejected) {
        supplierId = rejected.id;
        const now = new Date();
        await tx.update(suppliers).set({ ...details, status: "pending", reason: null, reviewedBy: null, reviewedAt: null, updatedAt: now }).where(eq(suppliers.id, supplierId));
        // The people of the rejected application are not vetted by this one: the new applicant is the owner now.
        earlierMembers = (await tx.delete(supplierMembers).where(eq(supplierMembers.supplierId, supplierId)).returning({ userId: supplierMembers.userId })).map((m) => m.userId);
      } else {
        const [supplier] = await tx.insert(suppliers).values(details).returning({ id: suppliers.id });
        if (!supplier) throw notFound("Supplier");
        supplierId = supplier.id;
      }

      let userId = existing?.id;
      // A phone someone else's login uses is left off: the account logs in by e-mail.
      const [phoneTaken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.phone, phone), existing ? ne(users.id, existing.id) : undefined)).limit(1);
      if (existing && takeOver) {
        await tx
          .update(users)
          .set({ name: input.contactName, passwordHash, locale: input.locale, ...(phoneTaken ? {} : { phone }), passwordChangedAt: new Date(), updatedAt: new Date() })
          .where(eq(users.id, existing.id));
      }
      if (!userId) {
        const [user] = await tx
          .insert(users)
          // Inactive until an admin approves: the login refuses it, so a pending applicant has no way in.
          .values({ kind: "supplier", role: "supplier", name: input.contactName, email, phone: phoneTaken ? null : phone, passwordHash, locale: input.locale, isActive: false })
          .returning({ id: users.id });
        if (!user) throw notFound("User");
        userId = user.id;
      }
      await tx.insert(supplierMembers).values({ userId, supplierId, isOwner: true });
      if (input.documents.length) {
        await tx.insert(supplierDocuments).values(
          input.documents.map((d) => {
            const content = Buffer.from(d.base64, "base64");
            return { supplierId, fileName: d.fileName, contentType: d.contentType, sizeBytes: content.length, content };
          }),
        );
      }
      const reviewers = await tx.select({ id: users.id }).from(users).where(and(inArray(users.role, [...rolesWith("suppliers.review")]), eq(users.isActive, true)));
      await notify(tx, {
        event: "supplier.applied",
        userIds: reviewers.map((r) => r.id),
        title: rejected ? { en: `Supplier applies again: ${input.name}`, ru: `Повторная заявка поставщика: ${input.name}` } : { en: `Supplier application: ${input.name}`, ru: `Заявка поставщика: ${input.name}` },
        body: { en: `INN ${input.inn}, ${input.contactName}`, ru: `ИНН ${input.inn}, ${input.contactName}` },
        link: `/suppliers/${supplierId}`,
      });
      await recordAudit(
        tx,
        rejected
          ? {
              actorId: null, action: "supplier.reapply", targetType: "supplier", targetId: supplierId, ip: meta.ip,
              details: {
                before: { status: "rejected", reason: rejected.reason, name: rejected.name, contactEmail: rejected.contactEmail, reviewedAt: rejected.reviewedAt?.toISOString() ?? null, memberIds: earlierMembers },
                after: { status: "pending", name: input.name, contactEmail: email, userId },
              },
            }
          : { actorId: null, action: "supplier.apply", targetType: "supplier", targetId: supplierId, details: { userId, inn: input.inn }, ip: meta.ip },
      );
      return { supplierId, userId, reopened: Boolean(rejected) };
    });
  } catch (error) {
    // Two applications for the same INN or e-mail at once: the unique index decides.
    if (isUniqueViolation(error)) throw conflict("A supplier with this INN or an account with this e-mail exists already", "inn");
    throw error;
  }
}

/** "Fill by INN": the company's register details from the configured provider. */
export async function lookupCompany(provider: CompanyLookupProvider, rawInput: { inn: string }) {
  const { inn } = lookupInnSchema.parse(rawInput);
  const found = await provider.findByInn(inn);
  return found ? { found: true as const, company: found } : { found: false as const, company: null };
}
