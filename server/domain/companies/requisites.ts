import { z } from "zod";

/**
 * Russian company requisites and their official check digits (ФНС for INN/OGRN, Банк России for
 * the account control key). Pure functions: the forms, the registration page and the ERP import
 * all use the same rules.
 */

const digitsOnly = (value: string, length: number) => value.length === length && /^\d+$/.test(value);

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += Number(digits[i]) * weights[i]!;
  return sum;
}

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

/** 10-digit INN of an organisation (ЮЛ). */
export function isValidOrganisationInn(inn: string): boolean {
  if (!digitsOnly(inn, 10)) return false;
  return (weightedSum(inn, INN10_WEIGHTS) % 11) % 10 === Number(inn[9]);
}

/** 12-digit INN of a person or an individual entrepreneur (ИП): two check digits. */
export function isValidPersonInn(inn: string): boolean {
  if (!digitsOnly(inn, 12)) return false;
  const n11 = (weightedSum(inn, INN12_WEIGHTS_11) % 11) % 10;
  const n12 = (weightedSum(inn, INN12_WEIGHTS_12) % 11) % 10;
  return n11 === Number(inn[10]) && n12 === Number(inn[11]);
}

export function isValidInn(inn: string): boolean {
  return isValidOrganisationInn(inn) || isValidPersonInn(inn);
}

/** Who the INN belongs to, by its length: an organisation (10) or an individual entrepreneur (12). */
export function entityKindOfInn(inn: string): "organisation" | "entrepreneur" | null {
  if (inn.length === 10) return "organisation";
  if (inn.length === 12) return "entrepreneur";
  return null;
}

/** KPP: tax office (4 digits), reason (2 digits or capital Latin letters), serial number (3 digits). */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}

/** OGRN (13 digits, organisations): the first 12 as a number mod 11, mod 10, is the 13th. */
export function isValidOgrn(ogrn: string): boolean {
  if (!digitsOnly(ogrn, 13)) return false;
  return Number((BigInt(ogrn.slice(0, 12)) % 11n) % 10n) === Number(ogrn[12]);
}

/** OGRNIP (15 digits, individual entrepreneurs): the first 14 mod 13, mod 10, is the 15th. */
export function isValidOgrnip(ogrnip: string): boolean {
  if (!digitsOnly(ogrnip, 15)) return false;
  return Number((BigInt(ogrnip.slice(0, 14)) % 13n) % 10n) === Number(ogrnip[14]);
}

export function isValidBik(bik: string): boolean {
  return digitsOnly(bik, 9);
}

const ACCOUNT_WEIGHTS = [7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

function accountKeyHolds(prefix3: string, account: string): boolean {
  return weightedSum(prefix3 + account, ACCOUNT_WEIGHTS) % 10 === 0;
}

/** Settlement account (расчётный счёт): 20 digits whose control key holds with the bank's BIK (its last 3 digits). */
export function isValidSettlementAccount(account: string, bik: string): boolean {
  if (!digitsOnly(account, 20) || !isValidBik(bik)) return false;
  return accountKeyHolds(bik.slice(-3), account);
}

/** Correspondent account: 20 digits starting 301, key checked with "0" + BIK digits 5–6. */
export function isValidCorrespondentAccount(account: string, bik: string): boolean {
  if (!digitsOnly(account, 20) || !account.startsWith("301") || !isValidBik(bik)) return false;
  return accountKeyHolds(`0${bik.slice(4, 6)}`, account);
}

// ---- generators (demo data and tests): produce valid numbers from a seed body ----

/** Completes a 9-digit body to a valid 10-digit organisation INN. */
export function completeOrganisationInn(body9: string): string {
  return body9 + String((weightedSum(body9, INN10_WEIGHTS) % 11) % 10);
}

/** Completes a 10-digit body to a valid 12-digit INN. */
export function completePersonInn(body10: string): string {
  const with11 = body10 + String((weightedSum(body10, INN12_WEIGHTS_11) % 11) % 10);
  return with11 + String((weightedSum(with11, INN12_WEIGHTS_12) % 11) % 10);
}

export function completeOgrn(body12: string): string {
  return body12 + String(Number((BigInt(body12) % 11n) % 10n));
}

export function completeOgrnip(body14: string): string {
  return body14 + String(Number((BigInt(body14) % 13n) % 10n));
}

/** Fills the control digit (position 9, index 8) of a 20-digit account so the key holds with `prefix3`. */
function fillAccountKey(prefix3: string, account20: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${account20.slice(0, 8)}${d}${account20.slice(9)}`;
    if (accountKeyHolds(prefix3, candidate)) return candidate;
  }
  throw new Error("no control digit fits");
}

export function completeSettlementAccount(account20: string, bik: string): string {
  return fillAccountKey(bik.slice(-3), account20);
}

export function completeCorrespondentAccount(account20: string, bik: string): string {
  return fillAccountKey(`0${bik.slice(4, 6)}`, account20);
}

// ---- zod schemas: messages name the field, so a form can show them beside it ----

const trimmed = z.string().trim();
/** An empty optional field means "none". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const innSchema = trimmed.refine((v) => /^\d{10}$|^\d{12}$/.test(v), "INN must have 10 digits (organisation) or 12 (individual entrepreneur)").refine(isValidInn, "INN: the check digit is wrong");
export const kppSchema = trimmed.toUpperCase().refine(isValidKpp, "KPP must be 9 characters: 4 digits, 2 digits or capital letters, 3 digits");
export const ogrnSchema = trimmed.refine((v) => /^\d{13}$|^\d{15}$/.test(v), "OGRN must have 13 digits (OGRNIP: 15)").refine((v) => (v.length === 13 ? isValidOgrn(v) : isValidOgrnip(v)), "OGRN: the check digit is wrong");
export const bikSchema = trimmed.refine(isValidBik, "BIK must have 9 digits");
export const accountSchema = trimmed.refine((v) => digitsOnly(v, 20), "Account must have 20 digits");

/** The requisites fields of a company form (flat, so every error names its own field). */
export const requisitesFields = {
  inn: innSchema,
  kpp: optional(kppSchema),
  ogrn: optional(ogrnSchema),
  bankName: optional(trimmed.max(200)),
  bik: optional(bikSchema),
  account: optional(accountSchema),
  correspondentAccount: optional(accountSchema),
};

interface RequisitesDraft {
  inn: string;
  kpp?: string | undefined;
  ogrn?: string | undefined;
  bik?: string | undefined;
  account?: string | undefined;
  correspondentAccount?: string | undefined;
}

/**
 * The rules across fields: KPP required for an organisation and absent for an ИП, OGRN of the
 * matching kind, accounts checked against the BIK. For `superRefine` of a schema with requisitesFields.
 */
export function checkRequisites(value: RequisitesDraft, ctx: z.RefinementCtx): void {
  const kind = entityKindOfInn(value.inn);
  if (kind === "organisation" && !value.kpp) ctx.addIssue({ code: "custom", path: ["kpp"], message: "KPP is required for an organisation (10-digit INN)" });
  if (kind === "entrepreneur" && value.kpp) ctx.addIssue({ code: "custom", path: ["kpp"], message: "KPP: an individual entrepreneur (12-digit INN) has none" });
  if (value.ogrn && kind === "organisation" && value.ogrn.length !== 13) ctx.addIssue({ code: "custom", path: ["ogrn"], message: "OGRN of an organisation has 13 digits" });
  if (value.ogrn && kind === "entrepreneur" && value.ogrn.length !== 15) ctx.addIssue({ code: "custom", path: ["ogrn"], message: "OGRNIP of an individual entrepreneur has 15 digits" });
  const hasBank = Boolean(value.bik || value.account || value.correspondentAccount);
  if (!hasBank) return;
  if (!value.bik) {
    ctx.addIssue({ code: "custom", path: ["bik"], message: "BIK is required with bank accounts" });
    return;
  }
  if (value.account && !isValidSettlementAccount(value.account, value.bik)) {
    ctx.addIssue({ code: "custom", path: ["account"], message: "Account: the control key does not match the BIK" });
  }
  if (value.correspondentAccount && !isValidCorrespondentAccount(value.correspondentAccount, value.bik)) {
    ctx.addIssue({ code: "custom", path: ["correspondentAccount"], message: "Correspondent account: the control key does not match the BIK" });
  }
}
