import { and, eq, inArray } from "drizzle-orm";
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
 * A would-be supplier applies: one transaction writes the pending supplier, its documents and
 * its owner's login. The login is created now (inactive) because the applicant chose the
 * password here and we keep only its hash in one place — users.passwordHash; approval just
 * switches it on. An e-mail that is already a buyer's login proves itself with that buyer's
 * password and becomes the owner without a second account (the cabinet switch, seed 004).
 */
export async function applyAsSupplier(db: Db, rawInput: SupplierApplicationInput, meta: { ip?: string } = {}): Promise<{ supplierId: string; userId: string }> {
  const input = supplierApplicationSchema.parse(rawInput);
  const email = normalizeEmail(input.email);
  const phone = normalizePhone(input.phone);
  const [existing] = await db.select({ id: users.id, kind: users.kind, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).limit(1);
  if (existing) {
    const samePerson = existing.kind === "buyer" && (await verifyPassword(existing.passwordHash, input.password));
    if (!samePerson) throw conflict("This e-mail already has an account. A buyer applies with their own password; otherwise use another e-mail", "email");
  }
  const passwordHash = existing ? "" : await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [same] = await tx.select({ id: suppliers.id }).from(suppliers).where(and(eq(suppliers.inn, input.inn), input.kpp ? eq(suppliers.kpp, input.kpp) : undefined)).limit(1);
      if (same) throw conflict("A supplier with this INN has applied already", "inn");
      const [supplier] = await tx
        .insert(suppliers)
        .values({
          name: input.name, inn: input.inn, kpp: input.kpp ?? null, ogrn: input.ogrn ?? null, legalAddress: input.legalAddress, postalAddress: input.postalAddress ?? null,
          bank: bankOf(input), contactName: input.contactName, contactEmail: email, contactPhone: phone, website: input.website ?? null, description: input.description ?? null,
        })
        .returning({ id: suppliers.id });
      if (!supplier) throw notFound("Supplier");
      let userId = existing?.id;
      if (!userId) {
        const [phoneTaken] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, phone)).limit(1);
        const [user] = await tx
          .insert(users)
          // Inactive until an admin approves: the login refuses it, so a pending applicant has no way in.
          .values({ kind: "supplier", role: "supplier", name: input.contactName, email, phone: phoneTaken ? null : phone, passwordHash, locale: input.locale, isActive: false })
          .returning({ id: users.id });
        if (!user) throw notFound("User");
        userId = user.id;
      }
      await tx.insert(supplierMembers).values({ userId, supplierId: supplier.id, isOwner: true });
      if (input.documents.length) {
        await tx.insert(supplierDocuments).values(
          input.documents.map((d) => {
            const content = Buffer.from(d.base64, "base64");
            return { supplierId: supplier.id, fileName: d.fileName, contentType: d.contentType, sizeBytes: content.length, content };
          }),
        );
      }
      const reviewers = await tx.select({ id: users.id }).from(users).where(and(inArray(users.role, [...rolesWith("suppliers.review")]), eq(users.isActive, true)));
      await notify(tx, {
        event: "supplier.applied",
        userIds: reviewers.map((r) => r.id),
        title: { en: `Supplier application: ${input.name}`, ru: `Заявка поставщика: ${input.name}` },
        body: { en: `INN ${input.inn}, ${input.contactName}`, ru: `ИНН ${input.inn}, ${input.contactName}` },
        link: `/suppliers/${supplier.id}`,
      });
      await recordAudit(tx, { actorId: null, action: "supplier.apply", targetType: "supplier", targetId: supplier.id, details: { userId, inn: input.inn }, ip: meta.ip });
      return { supplierId: supplier.id, userId };
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
