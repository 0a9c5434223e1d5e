import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { companies, companyMembers, holdings, priceTypes, regions, users } from "../../../db/schema";
import { setUserActive } from "../users/manage-users";
import { forbidden, notFound, badInput } from "../errors";
import { buyerCan } from "./access-levels";
import { getActiveCompany, setActiveCompany } from "./active-company";
import { createEmployeeSchema, setEmployeeActiveSchema } from "./company-schemas";
import type { CompanyActor } from "./company-scope";
import { contractsOfCompany } from "./contracts";
import { createBuyerForCompany, membersOfCompany } from "./members";
import { entityKindOfInn } from "./requisites";

/** The buyer's companies for the topbar switcher, the active one flagged. Only his own memberships. */
export async function myCompanies(db: Db, userId: string) {
  const [active, rows] = await Promise.all([
    getActiveCompany(db, userId),
    db
      .select({
        companyId: companies.id,
        name: companies.name,
        inn: companies.inn,
        holdingName: holdings.name,
        isOwner: companyMembers.isOwner,
        accessLevel: companyMembers.accessLevel,
        isDefault: companyMembers.isDefault,
      })
      .from(companyMembers)
      .innerJoin(companies, eq(companies.id, companyMembers.companyId))
      .leftJoin(holdings, eq(holdings.id, companies.holdingId))
      .where(eq(companyMembers.userId, userId))
      .orderBy(asc(companies.name)),
  ]);
  return { activeCompanyId: active?.companyId ?? null, companies: rows.map((r) => ({ ...r, isActive: r.companyId === active?.companyId })) };
}

export async function switchActiveCompany(db: Db, userId: string, companyId: string) {
  if (!(await setActiveCompany(db, userId, companyId))) throw notFound("Company");
  return myCompanies(db, userId);
}

async function membershipOf(db: Db, userId: string, companyId: string) {
  const [m] = await db.select().from(companyMembers).where(and(eq(companyMembers.userId, userId), eq(companyMembers.companyId, companyId))).limit(1);
  // Another company's id is "not found" for a buyer: he learns nothing about it.
  if (!m) throw notFound("Company");
  return m;
}

/**
 * A company of the buyer (the active one by default) as the buyer may see it: requisites always;
 * the price type from access level 2; credit limits and payment terms only from level 3.
 */
export async function myCompany(db: Db, userId: string, companyId?: string) {
  const targetId = companyId ?? (await getActiveCompany(db, userId))?.companyId;
  if (!targetId) return null;
  const membership = await membershipOf(db, userId, targetId);
  const [company] = await db
    .select({
      id: companies.id,
      name: companies.name,
      inn: companies.inn,
      kpp: companies.kpp,
      ogrn: companies.ogrn,
      legalAddress: companies.legalAddress,
      postalAddress: companies.postalAddress,
      bank: companies.bank,
      status: companies.status,
      holdingName: holdings.name,
      regionName: regions.name,
      priceTypeName: priceTypes.name,
      managerName: users.name,
      managerEmail: users.email,
    })
    .from(companies)
    .leftJoin(holdings, eq(holdings.id, companies.holdingId))
    .leftJoin(regions, eq(regions.id, companies.regionId))
    .leftJoin(priceTypes, eq(priceTypes.id, companies.priceTypeId))
    .leftJoin(users, eq(users.id, companies.managerId))
    .where(eq(companies.id, targetId))
    .limit(1);
  if (!company) throw notFound("Company");
  const seesPrices = buyerCan(membership.accessLevel, "individual_prices");
  const seesFinances = buyerCan(membership.accessLevel, "finances");
  const contractRows = await contractsOfCompany(db, targetId);
  return {
    company: { ...company, kind: entityKindOfInn(company.inn), priceTypeName: seesPrices ? company.priceTypeName : null },
    membership: { accessLevel: membership.accessLevel, isOwner: membership.isOwner, isDefault: membership.isDefault },
    sees: { individualPrices: seesPrices, finances: seesFinances },
    contracts: contractRows.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      currency: c.currency,
      isDefault: c.isDefault,
      validFrom: c.validFrom,
      validTo: c.validTo,
      priceTypeName: seesPrices ? c.priceTypeName : null,
      paymentTermsDays: seesFinances ? c.paymentTermsDays : null,
      creditLimitMinor: seesFinances ? c.creditLimitMinor : null,
    })),
  };
}

async function assertOwner(db: Db, userId: string, companyId: string) {
  const membership = await membershipOf(db, userId, companyId);
  if (!membership.isOwner) throw forbidden("Only the company's owner manages its employees");
  return membership;
}

/** The employees of a company the buyer owns. */
export async function companyEmployees(db: Db, userId: string, companyId: string) {
  await assertOwner(db, userId, companyId);
  return membersOfCompany(db, companyId);
}

/** An owner creates an account for an employee of his company, at most at his own access level. */
export async function createEmployee(db: Db, actor: CompanyActor, rawInput: z.input<typeof createEmployeeSchema>) {
  const input = createEmployeeSchema.parse(rawInput);
  const owner = await assertOwner(db, actor.id, input.companyId);
  if (input.accessLevel > owner.accessLevel) throw badInput("Access level cannot exceed your own", "accessLevel");
  return createBuyerForCompany(db, actor, { ...input, isOwner: false }, "company.employee_create");
}

/**
 * An owner deactivates (or reactivates) an employee's account. Only an account that works for
 * this company alone: one shared with other companies is not his to switch off.
 */
export async function setEmployeeActive(db: Db, actor: CompanyActor, rawInput: z.input<typeof setEmployeeActiveSchema>) {
  const input = setEmployeeActiveSchema.parse(rawInput);
  await assertOwner(db, actor.id, input.companyId);
  if (input.userId === actor.id) throw badInput("You cannot deactivate yourself", "userId");
  const memberships = await db.select({ companyId: companyMembers.companyId, isOwner: companyMembers.isOwner }).from(companyMembers).where(eq(companyMembers.userId, input.userId));
  const here = memberships.find((m) => m.companyId === input.companyId);
  if (!here) throw notFound("Employee");
  if (here.isOwner) throw forbidden("Another owner's account is managed by your manager");
  if (memberships.length > 1) throw forbidden("This person also works for other companies; ask your manager");
  const user = await setUserActive(db, actor, input.userId, input.active);
  return { userId: user.id, isActive: user.isActive };
}
