import { completeOgrn } from "../../domain/companies/requisites";
import type { CompanyDetails, CompanyLookupProvider } from "./types";

/** Named answers for the demo and the tests; every other valid INN gets a made-up but stable company. */
const KNOWN: Record<string, Omit<CompanyDetails, "inn">> = {
  "7707083893": { name: "ПАО СБЕРБАНК", kpp: "773601001", ogrn: "1027700132195", legalAddress: "117312, г. Москва, ул. Вавилова, д. 19", directorName: "Греф Герман Оскарович" },
  "7736207543": { name: "ООО «ЯНДЕКС»", kpp: "770401001", ogrn: "1027700229193", legalAddress: "119021, г. Москва, ул. Льва Толстого, д. 16", directorName: "Савиновский Артем Геннадьевич" },
};

/**
 * The default provider: answers without the network, the same way every time, so the form's
 * "fill by INN" works in development, demos and tests. INNs ending in 000 are "not found".
 */
export const stubCompanyLookup: CompanyLookupProvider = {
  name: "stub",
  async findByInn(inn) {
    const known = KNOWN[inn];
    if (known) return { inn, ...known };
    if (inn.endsWith("000")) return null;
    const organisation = inn.length === 10;
    return {
      inn,
      name: organisation ? `ООО «Поставщик ${inn.slice(-4)}»` : `ИП Поставщиков П. ${inn.slice(-4)}`,
      kpp: organisation ? `${inn.slice(0, 4)}01001` : null,
      ogrn: organisation ? completeOgrn(`10277${inn.slice(0, 7)}`) : null,
      legalAddress: `г. Москва, ул. Складская, д. ${Number(inn.slice(-2)) + 1}`,
      directorName: "Иванов Иван Иванович",
    };
  },
};
