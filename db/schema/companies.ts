import { bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { priceTypes, regions } from "./b2b-reference";

export const COMPANY_STATUSES = ["active", "blocked"] as const;
export const companyStatus = pgEnum("company_status", COMPANY_STATUSES);
export const REGISTRATION_STATUSES = ["pending", "approved", "rejected"] as const;
export const registrationStatus = pgEnum("registration_status", REGISTRATION_STATUSES);

/** A group of legal entities (1C "Холдинг"); a company outside any holding is its own counterparty. */
export const holdings = pgTable(
  "holdings",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    priceTypeId: uuid().references(() => priceTypes.id, { onDelete: "set null" }),
    erpId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("holdings_erp_id_key").on(t.erpId)],
);

export interface BankDetails {
  bankName: string;
  bik: string;
  account: string;
  correspondentAccount: string;
}

/** A buyer's legal entity (ООО, АО, ИП …) with its tax ids, addresses and bank details. */
export const companies = pgTable(
  "companies",
  {
    id: uuid().primaryKey().defaultRandom(),
    holdingId: uuid().references(() => holdings.id, { onDelete: "set null" }),
    name: text().notNull(),
    /** 10 digits for organisations, 12 for individual entrepreneurs; checksums validated. */
    inn: text().notNull(),
    /** Organisations only (9 characters); null for an individual entrepreneur. */
    kpp: text(),
    ogrn: text(),
    legalAddress: text(),
    postalAddress: text(),
    bank: jsonb().$type<BankDetails>(),
    regionId: uuid().references(() => regions.id, { onDelete: "set null" }),
    priceTypeId: uuid().references(() => priceTypes.id, { onDelete: "set null" }),
    /** The staff manager who serves this company. */
    managerId: uuid().references(() => users.id, { onDelete: "set null" }),
    status: companyStatus().notNull().default("active"),
    erpId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("companies_inn_kpp_key").on(t.inn, t.kpp),
    uniqueIndex("companies_erp_id_key").on(t.erpId),
    index("companies_holding_idx").on(t.holdingId),
    index("companies_manager_idx").on(t.managerId),
  ],
);

/** A contract of a company: its price type, currency, payment terms and credit limit. */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid().primaryKey().defaultRandom(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    number: text().notNull(),
    title: text(),
    priceTypeId: uuid().references(() => priceTypes.id, { onDelete: "set null" }),
    currency: text().notNull().default("RUB"),
    /** Days of deferred payment; 0 = prepayment. */
    paymentTermsDays: integer().notNull().default(0),
    /** Minor units of `currency`; null = no credit. */
    creditLimitMinor: bigint({ mode: "number" }),
    isDefault: boolean().notNull().default(false),
    validFrom: date({ mode: "string" }),
    validTo: date({ mode: "string" }),
    erpId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contracts_company_idx").on(t.companyId), uniqueIndex("contracts_company_number_key").on(t.companyId, t.number)],
);

/**
 * Client access levels: 1 sees the catalog and orders but no individual prices, credit limit or
 * payment schedule; 2 adds individual prices and discounts; 3 adds finances (credit, debt, schedule).
 */
export const ACCESS_LEVELS = [1, 2, 3] as const;

/** A buyer user works for one or several companies; one of them is the default. */
export const companyMembers = pgTable(
  "company_members",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    /** The company's owner-administrator creates accounts for its employees. */
    isOwner: boolean().notNull().default(false),
    accessLevel: integer().notNull().default(1),
    isDefault: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.companyId] }), index("company_members_company_idx").on(t.companyId)],
);

/** Per buyer: the company now active in the topbar (prices follow it; carts stay), region and display currency. */
export const buyerProfiles = pgTable("buyer_profiles", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  activeCompanyId: uuid().references(() => companies.id, { onDelete: "set null" }),
  displayCurrency: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The closed club: a would-be buyer applies; a manager approves (creating the user) or rejects. */
export const registrationApplications = pgTable(
  "registration_applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    companyName: text().notNull(),
    inn: text().notNull(),
    kpp: text(),
    message: text(),
    /** The form's UI language ("en" | "ru"): the decision e-mail and the approved account use it. */
    locale: text().notNull().default("ru"),
    status: registrationStatus().notNull().default("pending"),
    /** The company the applicant was attached to on approval. */
    companyId: uuid().references(() => companies.id, { onDelete: "set null" }),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registration_applications_status_idx").on(t.status, t.createdAt)],
);
