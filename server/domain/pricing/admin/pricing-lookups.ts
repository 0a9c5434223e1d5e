import { and, asc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appSettings, brands, categories, companies, contracts, holdings, regions } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import type { Role } from "@/server/auth/roles";
import { recordAudit } from "../../audit/record-audit";
import { forbidden } from "../../errors";
import { teamOf } from "../../customers/customer-scope";
import type { DiscountConflictRule } from "../context-types";
import { CONFLICT_SETTING_KEY, getDiscountConflictRule } from "../load-pricing-context";
import type { PricingActor } from "./manage-price-types";
import type { LookupInput } from "./pricing-schemas";

export { getDiscountConflictRule };

export async function setDiscountConflictRule(db: Db, actor: PricingActor, rule: DiscountConflictRule): Promise<DiscountConflictRule> {
  await db
    .insert(appSettings)
    .values({ key: CONFLICT_SETTING_KEY, value: rule, updatedBy: actor.id })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: rule, updatedBy: actor.id, updatedAt: new Date() } });
  await recordAudit(db, { actorId: actor.id, action: "pricing.conflictRule.set", targetType: "app_setting", targetId: CONFLICT_SETTING_KEY, details: { rule }, ip: actor.ip });
  return rule;
}

export interface LookupOption {
  id: string;
  label: string;
  hint: string | null;
}

/**
 * Which companies a staff user may price-check: managers their own clients, a head of managers
 * those of the team, directors and admins all (the same rule as customers and orders).
 */
export function companyScope(db: Db, user: { id: string; role: Role }): SQL | undefined {
  switch (user.role) {
    case "admin":
    case "director":
      return undefined;
    case "manager":
      return eq(companies.managerId, user.id);
    case "head_manager":
      return inArray(companies.managerId, teamOf(db, user.id));
    default:
      return sql`false`;
  }
}

const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/** Options for the pickers on the rule forms and the price-check panel: a name search, capped. */
export async function lookup(db: Db, user: { id: string; role: Role }, input: LookupInput): Promise<LookupOption[]> {
  // A manager may only pick a company (for the price check); the rest serves the admin's rule forms.
  if (input.kind !== "company" && !can(user.role, "pricing.manage")) throw forbidden("Only the pricing admin looks these up");
  const like = likeOf(input.q);
  switch (input.kind) {
    case "brand":
      return (await db.select({ id: brands.id, label: brands.name, hint: brands.slug }).from(brands).where(input.q ? or(ilike(brands.name, like), ilike(brands.slug, like)) : undefined).orderBy(asc(brands.name)).limit(input.limit)).map(
        (r) => ({ ...r, hint: r.hint }),
      );
    case "category": {
      const rows = await db
        .select({ id: categories.id, label: categories.name, path: categories.path, depth: categories.depth })
        .from(categories)
        .where(input.q ? or(ilike(categories.name, like), ilike(categories.slug, like)) : undefined)
        .orderBy(asc(categories.depth), asc(categories.sort), asc(categories.name))
        .limit(input.limit);
      // The hint shows where the category sits in the tree ("Electrical › Sockets").
      const ancestorIds = [...new Set(rows.flatMap((r) => r.path.split("/").filter((id) => id && id !== r.id)))];
      const ancestors = ancestorIds.length ? await db.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, ancestorIds)) : [];
      const nameOf = new Map(ancestors.map((a) => [a.id, a.name]));
      return rows.map((r) => {
        const trail = r.path
          .split("/")
          .filter((id) => id && id !== r.id)
          .map((id) => nameOf.get(id) ?? "…");
        return { id: r.id, label: r.label, hint: trail.length ? trail.join(" › ") : null };
      });
    }
    case "company":
      return db
        .select({ id: companies.id, label: companies.name, hint: companies.inn })
        .from(companies)
        .where(and(companyScope(db, user), input.q ? or(ilike(companies.name, like), ilike(companies.inn, like)) : undefined))
        .orderBy(asc(companies.name))
        .limit(input.limit);
    case "holding":
      return db
        .select({ id: holdings.id, label: holdings.name, hint: sql<string | null>`null` })
        .from(holdings)
        .where(input.q ? ilike(holdings.name, like) : undefined)
        .orderBy(asc(holdings.name))
        .limit(input.limit);
    case "region":
      return db
        .select({ id: regions.id, label: regions.name, hint: regions.code })
        .from(regions)
        .where(input.q ? or(ilike(regions.name, like), ilike(regions.code, like)) : undefined)
        .orderBy(asc(regions.name))
        .limit(input.limit);
    case "contract":
      return (
        await db
          .select({ id: contracts.id, number: contracts.number, company: companies.name })
          .from(contracts)
          .innerJoin(companies, eq(companies.id, contracts.companyId))
          .where(input.q ? or(ilike(contracts.number, like), ilike(companies.name, like)) : undefined)
          .orderBy(asc(companies.name), asc(contracts.number))
          .limit(input.limit)
      ).map((r) => ({ id: r.id, label: `№${r.number}`, hint: r.company }));
  }
}
