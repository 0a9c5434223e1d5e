import { and, asc, count, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { companies, companyMembers, contracts, holdings, priceTypes, regions, users, type BankDetails } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, conflict, isUniqueViolation, notFound } from "../errors";
import { companyFieldsSchema, listCompaniesSchema, updateCompanySchema, type CompanyFieldsInput, type ListCompaniesInput } from "./company-schemas";
import { assertCompanyInScope, assertMayAssignTo, companyScope, mayAssignManager, type CompanyActor } from "./company-scope";
import { regionManagerOf } from "../regions/region-managers";
import { entityKindOfInn } from "./requisites";
import { noticeManagerAssigned } from "../notifications/company-notices";

const managers = alias(users, "company_manager");

const listColumns = {
  id: companies.id,
  name: companies.name,
  inn: companies.inn,
  kpp: companies.kpp,
  status: companies.status,
  holdingId: companies.holdingId,
  holdingName: holdings.name,
  managerId: companies.managerId,
  managerName: managers.name,
  regionName: regions.name,
  priceTypeName: priceTypes.name,
  createdAt: companies.createdAt,
  membersCount: sql<number>`(select count(*)::int from company_members m where m.company_id = ${companies.id})`.mapWith(Number),
  contractsCount: sql<number>`(select count(*)::int from contracts c where c.company_id = ${companies.id})`.mapWith(Number),
};

export type CompanyListRow = Awaited<ReturnType<typeof listCompanies>>["rows"][number];

/**
 * Companies the actor may see, grouped by counterparty: a holding's companies together, a
 * standalone company as its own counterparty (sorted by its own name).
 */
export async function listCompanies(db: Db, actor: CompanyActor, rawInput: ListCompaniesInput) {
  const input = listCompaniesSchema.parse(rawInput);
  const conditions: SQL[] = [];
  const scope = companyScope(actor);
  if (scope) conditions.push(scope);
  if (input.status !== "all") conditions.push(eq(companies.status, input.status));
  if (input.holding === "none") conditions.push(isNull(companies.holdingId));
  else if (input.holding) conditions.push(eq(companies.holdingId, input.holding));
  if (input.managerId) conditions.push(eq(companies.managerId, input.managerId));
  if (input.search) {
    const pattern = `%${input.search.replace(/[%_\\]/g, "\\$&")}%`;
    const digits = input.search.replace(/\D/g, "");
    const match = or(ilike(companies.name, pattern), ilike(holdings.name, pattern), digits.length >= 3 ? ilike(companies.inn, `${digits}%`) : undefined);
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const base = db
    .select(listColumns)
    .from(companies)
    .leftJoin(holdings, eq(holdings.id, companies.holdingId))
    .leftJoin(managers, eq(managers.id, companies.managerId))
    .leftJoin(regions, eq(regions.id, companies.regionId))
    .leftJoin(priceTypes, eq(priceTypes.id, companies.priceTypeId));
  const [rows, [total]] = await Promise.all([
    base
      .where(where)
      .orderBy(sql`coalesce(${holdings.name}, ${companies.name})`, asc(companies.name), asc(companies.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(companies).leftJoin(holdings, eq(holdings.id, companies.holdingId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function getCompany(db: Db, actor: CompanyActor, id: string) {
  const scope = companyScope(actor);
  const [row] = await db
    .select({
      ...listColumns,
      ogrn: companies.ogrn,
      legalAddress: companies.legalAddress,
      postalAddress: companies.postalAddress,
      bank: companies.bank,
      regionId: companies.regionId,
      priceTypeId: companies.priceTypeId,
      erpId: companies.erpId,
      updatedAt: companies.updatedAt,
    })
    .from(companies)
    .leftJoin(holdings, eq(holdings.id, companies.holdingId))
    .leftJoin(managers, eq(managers.id, companies.managerId))
    .leftJoin(regions, eq(regions.id, companies.regionId))
    .leftJoin(priceTypes, eq(priceTypes.id, companies.priceTypeId))
    .where(scope ? and(eq(companies.id, id), scope) : eq(companies.id, id))
    .limit(1);
  if (!row) throw notFound("Company");
  return { ...row, kind: entityKindOfInn(row.inn) };
}
export type CompanyDetails = Awaited<ReturnType<typeof getCompany>>;

function bankOf(input: { bankName?: string; bik?: string; account?: string; correspondentAccount?: string }): BankDetails | null {
  if (!input.bik && !input.account) return null;
  return { bankName: input.bankName ?? "", bik: input.bik ?? "", account: input.account ?? "", correspondentAccount: input.correspondentAccount ?? "" };
}

async function assertManagerIsStaff(db: Db, managerId: string | null | undefined) {
  if (!managerId) return;
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, managerId)).limit(1);
  if (!row || !["manager", "head_manager", "director", "admin"].includes(row.role)) throw badInput("Manager: choose a staff manager", "managerId");
}

const DUPLICATE = "Another company already has this INN and KPP";

export async function createCompany(db: Db, actor: CompanyActor, rawInput: CompanyFieldsInput): Promise<CompanyDetails> {
  const input = companyFieldsSchema.parse(rawInput);
  // A manager's new company is his own; those who assign choose another, else the region's default manager serves it.
  const managerId = mayAssignManager(actor)
    ? (input.managerId ?? (await regionManagerOf(db, input.regionId ?? null)) ?? (actor.role === "head_manager" ? actor.id : null))
    : actor.id;
  await assertManagerIsStaff(db, managerId);
  if (input.managerId && mayAssignManager(actor)) await assertMayAssignTo(db, actor, input.managerId);
  try {
    const id = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(companies)
        .values({
          name: input.name,
          holdingId: input.holdingId ?? null,
          inn: input.inn,
          kpp: input.kpp ?? null,
          ogrn: input.ogrn ?? null,
          legalAddress: input.legalAddress ?? null,
          postalAddress: input.postalAddress ?? null,
          bank: bankOf(input),
          regionId: input.regionId ?? null,
          priceTypeId: input.priceTypeId ?? null,
          managerId,
          status: input.status,
        })
        .returning({ id: companies.id });
      if (!created) throw notFound("Company");
      await recordAudit(tx, { actorId: actor.id, action: "company.create", targetType: "company", targetId: created.id, details: { inn: input.inn }, ip: actor.ip });
      return created.id;
    });
    return await getCompany(db, actor, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(DUPLICATE, "inn");
    throw error;
  }
}

export async function updateCompany(db: Db, actor: CompanyActor, rawInput: CompanyFieldsInput & { id: string }): Promise<CompanyDetails> {
  const input = updateCompanySchema.parse(rawInput);
  const current = await getCompany(db, actor, input.id);
  const managerId = mayAssignManager(actor) ? (input.managerId ?? null) : current.managerId;
  await assertManagerIsStaff(db, managerId);
  if (managerId !== current.managerId) await assertMayAssignTo(db, actor, managerId);
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(companies)
        .set({
          name: input.name,
          holdingId: input.holdingId ?? null,
          inn: input.inn,
          kpp: input.kpp ?? null,
          ogrn: input.ogrn ?? null,
          legalAddress: input.legalAddress ?? null,
          postalAddress: input.postalAddress ?? null,
          bank: bankOf(input),
          regionId: input.regionId ?? null,
          priceTypeId: input.priceTypeId ?? null,
          managerId,
          status: input.status,
          updatedAt: new Date(),
        })
        .where(eq(companies.id, input.id));
      await recordAudit(tx, {
        actorId: actor.id, action: "company.update", targetType: "company", targetId: input.id, ip: actor.ip,
        details: { before: { name: current.name, inn: current.inn, managerId: current.managerId, status: current.status }, after: { name: input.name, inn: input.inn, managerId, status: input.status } },
      });
      if (managerId && managerId !== current.managerId) await noticeManagerAssigned(tx, input.id, actor.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(DUPLICATE, "inn");
    throw error;
  }
  return getCompany(db, actor, input.id);
}

/** The choices of the company form: holdings, regions, price types and (for those who assign) managers. */
export async function companyFormOptions(db: Db, actor: CompanyActor) {
  const [holdingRows, regionRows, priceTypeRows, managerRows] = await Promise.all([
    db.select({ id: holdings.id, name: holdings.name }).from(holdings).orderBy(asc(holdings.name)),
    db.select({ id: regions.id, name: regions.name }).from(regions).orderBy(asc(regions.name)),
    db.select({ id: priceTypes.id, code: priceTypes.code, name: priceTypes.name, currency: priceTypes.currency }).from(priceTypes).where(eq(priceTypes.isActive, true)).orderBy(asc(priceTypes.rank)),
    mayAssignManager(actor)
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(
            and(
              eq(users.isActive, true),
              or(eq(users.role, "manager"), eq(users.role, "head_manager")),
              // A head of managers assigns within his team only.
              actor.role === "head_manager" ? or(eq(users.id, actor.id), eq(users.supervisorId, actor.id)) : undefined,
            ),
          )
          .orderBy(asc(users.name))
      : Promise.resolve([]),
  ]);
  return { holdings: holdingRows, regions: regionRows, priceTypes: priceTypeRows, managers: managerRows, mayAssign: mayAssignManager(actor) };
}

/** Counts for the company card's tabs; the card checks scope first. */
export async function companyCounts(db: Db, actor: CompanyActor, id: string) {
  await assertCompanyInScope(db, actor, id);
  const [[m], [c]] = await Promise.all([
    db.select({ n: count() }).from(companyMembers).where(eq(companyMembers.companyId, id)),
    db.select({ n: count() }).from(contracts).where(eq(contracts.companyId, id)),
  ]);
  return { members: m?.n ?? 0, contracts: c?.n ?? 0 };
}
