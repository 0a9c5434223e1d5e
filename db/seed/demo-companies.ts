import { eq, inArray, sql } from "drizzle-orm";
import { hashPassword } from "../../server/domain/auth/passwords";
import {
  completeCorrespondentAccount,
  completeOgrn,
  completeOgrnip,
  completeOrganisationInn,
  completePersonInn,
  completeSettlementAccount,
} from "../../server/domain/companies/requisites";
import type { Db } from "../client";
import { companies, companyMembers, contracts, holdings, priceTypes, regions, registrationApplications, users, type BankDetails } from "../schema";

/** The demo buyer's colleague, a level-1 employee of his company (created here, password as the demo buyer's). */
export const DEMO_EMPLOYEE = { name: "Елена Смирнова", email: "employee@demo.t3crm.local", password: "employee-demo" };
const DEMO_BUYER_EMAIL = "buyer@demo.t3crm.local";

const PRICE_TYPES = [
  { code: "retail", name: "Розничная", rank: 0, isDefault: true },
  { code: "small_wholesale", name: "Мелкий опт", rank: 1, isDefault: false },
  { code: "wholesale", name: "Опт", rank: 2, isDefault: false },
  { code: "big_wholesale", name: "Крупный опт", rank: 3, isDefault: false },
] as const;
type PriceCode = (typeof PRICE_TYPES)[number]["code"];

const REGIONS = [
  { code: "moscow", name: "Москва и область", isDefault: true, price: "retail" as PriceCode },
  { code: "spb", name: "Санкт-Петербург", isDefault: false, price: "small_wholesale" as PriceCode },
] as const;

const BANKS = {
  sber: { bankName: "ПАО Сбербанк", bik: "044525225", corr: "30101810400000000225" },
  sberNw: { bankName: "Северо-Западный банк ПАО Сбербанк", bik: "044030653", corr: "30101810500000000653" },
  tbank: { bankName: "АО «ТБанк»", bik: "044525974", corr: "30101810145250000974" },
};

function bank(which: keyof typeof BANKS, accountBody: string): BankDetails {
  const b = BANKS[which];
  return {
    bankName: b.bankName,
    bik: b.bik,
    // Valid control keys, computed rather than typed: the demo must pass its own validation.
    account: completeSettlementAccount(accountBody, b.bik),
    correspondentAccount: completeCorrespondentAccount(b.corr, b.bik),
  };
}

interface DemoCompany {
  key: string;
  name: string;
  holding?: "stroy" | "techno";
  innBody: string;
  ie?: boolean;
  ogrnBody: string;
  region: "moscow" | "spb";
  price: PriceCode;
  manager?: "manager" | "head";
  address: string;
  bank: BankDetails;
  contracts: Array<{ number: string; title: string; price: PriceCode; currency: "RUB" | "USD" | "EUR"; days: number; creditMinor: number | null; isDefault: boolean }>;
}

const COMPANIES: DemoCompany[] = [
  {
    key: "stroy-center", name: "ООО «СтройМаркет Центр»", holding: "stroy", innBody: "771452863", ogrnBody: "115774638291", region: "moscow", price: "wholesale", manager: "manager",
    address: "115054, г. Москва, ул. Дубининская, д. 57, стр. 1", bank: bank("sber", "40702810338000012345"),
    contracts: [
      { number: "СМЦ-2025/01", title: "Договор поставки", price: "wholesale", currency: "RUB", days: 30, creditMinor: 500_000_000, isDefault: true },
      { number: "СМЦ-2025/02-EUR", title: "Импортные позиции", price: "big_wholesale", currency: "EUR", days: 14, creditMinor: 2_000_000, isDefault: false },
    ],
  },
  {
    key: "stroy-nw", name: "ООО «СтройМаркет Северо-Запад»", holding: "stroy", innBody: "781063927", ogrnBody: "116784751036", region: "spb", price: "wholesale", manager: "manager",
    address: "196084, г. Санкт-Петербург, Лиговский пр., д. 266", bank: bank("sberNw", "40702810955000004821"),
    contracts: [{ number: "СМСЗ-14", title: "Договор поставки", price: "wholesale", currency: "RUB", days: 21, creditMinor: 250_000_000, isDefault: true }],
  },
  {
    key: "stroy-logistic", name: "АО «СтройМаркет Логистик»", holding: "stroy", innBody: "772931845", ogrnBody: "118774302567", region: "moscow", price: "big_wholesale",
    address: "142703, Московская обл., г. Видное, Белокаменное ш., д. 10", bank: bank("tbank", "40702810710000073219"),
    contracts: [{ number: "СМЛ-7", title: "Рамочный договор", price: "big_wholesale", currency: "RUB", days: 45, creditMinor: 1_500_000_000, isDefault: true }],
  },
  {
    key: "techno", name: "ООО «ТехноПром»", holding: "techno", innBody: "503248176", ogrnBody: "117503916284", region: "moscow", price: "small_wholesale", manager: "head",
    address: "141407, Московская обл., г. Химки, ул. Ленинградская, д. 29", bank: bank("sber", "40702810240000031108"),
    contracts: [{ number: "ТП-2025-003", title: "Договор поставки", price: "small_wholesale", currency: "RUB", days: 0, creditMinor: null, isDefault: true }],
  },
  {
    key: "techno-service", name: "ООО «ТехноПром Сервис»", holding: "techno", innBody: "780452619", ogrnBody: "119784527703", region: "spb", price: "small_wholesale",
    address: "197342, г. Санкт-Петербург, ул. Сердобольская, д. 64", bank: bank("sberNw", "40702810655000019044"),
    contracts: [{ number: "ТПС-11", title: "Сервисный договор", price: "small_wholesale", currency: "USD", days: 10, creditMinor: 1_000_000, isDefault: true }],
  },
  {
    key: "remont", name: "ООО «Ремонт и Дом»", innBody: "772716348", ogrnBody: "120770091542", region: "moscow", price: "small_wholesale", manager: "manager",
    address: "109316, г. Москва, Волгоградский пр., д. 42, к. 5", bank: bank("tbank", "40702810110000458812"),
    contracts: [{ number: "РД-001", title: "Договор поставки", price: "small_wholesale", currency: "RUB", days: 0, creditMinor: null, isDefault: true }],
  },
  {
    key: "baltic", name: "ООО «Балтийская Отделка»", innBody: "784215937", ogrnBody: "121780035614", region: "spb", price: "wholesale",
    address: "190020, г. Санкт-Петербург, наб. Обводного канала, д. 138", bank: bank("sberNw", "40702810855000087310"),
    contracts: [{ number: "БО-2025", title: "Договор поставки", price: "wholesale", currency: "RUB", days: 14, creditMinor: 80_000_000, isDefault: true }],
  },
  {
    key: "ie", name: "ИП Кузнецов Андрей Викторович", ie: true, innBody: "5024183746", ogrnBody: "31950240001234", region: "moscow", price: "retail", manager: "manager",
    address: "143402, Московская обл., г. Красногорск, ул. Ленина, д. 5, кв. 12", bank: bank("tbank", "40802810400000912277"),
    contracts: [{ number: "ИП-К-1", title: "Договор розничной поставки", price: "retail", currency: "RUB", days: 0, creditMinor: null, isDefault: true }],
  },
];

/** Price types and regions the demo needs: inserted when missing, left alone when another area made them. */
export async function ensureDemoReference(db: Db) {
  await db.insert(priceTypes).values(PRICE_TYPES.map((p) => ({ ...p }))).onConflictDoNothing({ target: priceTypes.code });
  const types = await db.select({ id: priceTypes.id, code: priceTypes.code }).from(priceTypes).where(inArray(priceTypes.code, PRICE_TYPES.map((p) => p.code)));
  const priceId = (code: PriceCode) => types.find((t) => t.code === code)?.id ?? null;
  await db
    .insert(regions)
    .values(REGIONS.map((r) => ({ code: r.code, name: r.name, isDefault: r.isDefault, priceTypeId: priceId(r.price) })))
    .onConflictDoNothing({ target: regions.code });
  const regionRows = await db.select({ id: regions.id, code: regions.code }).from(regions).where(inArray(regions.code, REGIONS.map((r) => r.code)));
  return { priceId, regionId: (code: string) => regionRows.find((r) => r.code === code)?.id ?? null };
}

/**
 * Demo companies (first start): two holdings, eight legal entities (one ИП) with valid requisites,
 * contracts on different price types, the demo buyer in two companies (owner at level 3 in one,
 * level 2 in the other), his employee, and two pending registration applications.
 */
export async function seedDemoCompanies(db: Db): Promise<void> {
  const ref = await ensureDemoReference(db);
  const staff = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ["manager@demo.t3crm.local", "head@demo.t3crm.local"]));
  const managerIds = { manager: staff.find((u) => u.email === "manager@demo.t3crm.local")?.id ?? null, head: staff.find((u) => u.email === "head@demo.t3crm.local")?.id ?? null };
  const employeeHash = await hashPassword(DEMO_EMPLOYEE.password);

  await db.transaction(async (tx) => {
    const [stroy, techno] = await tx
      .insert(holdings)
      .values([
        { name: "ГК «СтройМаркет»", priceTypeId: ref.priceId("wholesale") },
        { name: "Холдинг «ТехноПром»", priceTypeId: ref.priceId("small_wholesale") },
      ])
      .returning({ id: holdings.id });
    const holdingId = { stroy: stroy!.id, techno: techno!.id };
    const ids: Record<string, string> = {};
    for (const c of COMPANIES) {
      const inn = c.ie ? completePersonInn(c.innBody) : completeOrganisationInn(c.innBody);
      const [row] = await tx
        .insert(companies)
        .values({
          name: c.name,
          holdingId: c.holding ? holdingId[c.holding] : null,
          inn,
          kpp: c.ie ? null : `${inn.slice(0, 4)}01001`,
          ogrn: c.ie ? completeOgrnip(c.ogrnBody) : completeOgrn(c.ogrnBody),
          legalAddress: c.address,
          postalAddress: c.address,
          bank: c.bank,
          regionId: ref.regionId(c.region),
          priceTypeId: ref.priceId(c.price),
          managerId: c.manager ? managerIds[c.manager] : null,
        })
        .returning({ id: companies.id });
      ids[c.key] = row!.id;
      await tx.insert(contracts).values(
        c.contracts.map((k) => ({
          companyId: row!.id,
          number: k.number,
          title: k.title,
          priceTypeId: ref.priceId(k.price),
          currency: k.currency,
          paymentTermsDays: k.days,
          creditLimitMinor: k.creditMinor,
          isDefault: k.isDefault,
          validFrom: "2025-01-01",
          validTo: "2026-12-31",
        })),
      );
    }

    const [buyer] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_BUYER_EMAIL)).limit(1);
    if (buyer) {
      await tx.insert(companyMembers).values([
        { userId: buyer.id, companyId: ids["stroy-center"]!, isOwner: true, accessLevel: 3, isDefault: true },
        { userId: buyer.id, companyId: ids.remont!, isOwner: false, accessLevel: 2, isDefault: false },
      ]);
      const [employee] = await tx
        .insert(users)
        .values({ kind: "buyer", role: "buyer", name: DEMO_EMPLOYEE.name, email: DEMO_EMPLOYEE.email, locale: "ru", passwordHash: employeeHash })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (employee) await tx.insert(companyMembers).values({ userId: employee.id, companyId: ids["stroy-center"]!, accessLevel: 1, isDefault: true });
    }

    await tx.insert(registrationApplications).values([
      {
        name: "Павел Орлов", email: "p.orlov@severstroy.example", phone: "+7 921 555-18-40", companyName: "ООО «СеверСтрой»",
        inn: completeOrganisationInn("781936254"), kpp: "781901001", message: "Хотим закупать отделочные материалы для объектов в Санкт-Петербурге.",
        createdAt: sql`now() - interval '1 day'`,
      },
      {
        name: "Ирина Белова", email: "belova.ip@example.com", phone: "+7 916 204-77-31", companyName: "ИП Белова Ирина Сергеевна",
        inn: completePersonInn("7724519830"), kpp: null, message: "Небольшой магазин сантехники, интересуют оптовые цены.",
      },
    ]);
  });
}
