import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  checkRequisites,
  completeCorrespondentAccount,
  completeOgrn,
  completeOgrnip,
  completeOrganisationInn,
  completePersonInn,
  completeSettlementAccount,
  entityKindOfInn,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidOrganisationInn,
  isValidPersonInn,
  isValidSettlementAccount,
  requisitesFields,
} from "@/server/domain/companies/requisites";
import { buyerCan } from "@/server/domain/companies/access-levels";

// Real, public requisites: Sberbank (ПАО Сбербанк), Yandex (ООО «Яндекс»), T-Bank's correspondent account.
const SBER = { inn: "7707083893", kpp: "773601001", ogrn: "1027700132195", bik: "044525225", corr: "30101810400000000225" };

describe("INN", () => {
  it("accepts real organisation INNs and rejects a changed digit", () => {
    expect(isValidOrganisationInn(SBER.inn)).toBe(true);
    expect(isValidOrganisationInn("7736207543")).toBe(true); // Yandex
    expect(isValidOrganisationInn("7707083894")).toBe(false);
    expect(isValidOrganisationInn("770708389")).toBe(false);
    expect(isValidOrganisationInn("77070838a3")).toBe(false);
  });

  it("checks both check digits of a 12-digit INN", () => {
    expect(isValidPersonInn("500100732259")).toBe(true);
    expect(isValidPersonInn("500100732258")).toBe(false); // 12th digit wrong
    expect(isValidPersonInn("500100732269")).toBe(false); // 11th digit wrong
    expect(isValidInn("500100732259")).toBe(true);
    expect(isValidInn("12345")).toBe(false);
  });

  it("tells an organisation from an individual entrepreneur by length", () => {
    expect(entityKindOfInn(SBER.inn)).toBe("organisation");
    expect(entityKindOfInn("500100732259")).toBe("entrepreneur");
    expect(entityKindOfInn("123")).toBeNull();
  });
});

describe("KPP, OGRN, OGRNIP", () => {
  it("checks the KPP pattern (4 digits, 2 digits or capital letters, 3 digits)", () => {
    expect(isValidKpp(SBER.kpp)).toBe(true);
    expect(isValidKpp("7736AB001")).toBe(true);
    expect(isValidKpp("7736ab001")).toBe(false);
    expect(isValidKpp("77360100")).toBe(false);
    expect(isValidKpp("A73601001")).toBe(false);
  });

  it("checks OGRN (mod 11) and OGRNIP (mod 13)", () => {
    expect(isValidOgrn(SBER.ogrn)).toBe(true);
    expect(isValidOgrn("1027700229193")).toBe(true); // Yandex
    expect(isValidOgrn("1027700132196")).toBe(false);
    expect(isValidOgrnip("304500116000157")).toBe(true);
    expect(isValidOgrnip("304500116000158")).toBe(false);
    expect(isValidOgrnip(SBER.ogrn)).toBe(false);
  });
});

describe("bank accounts", () => {
  it("checks a settlement account's control key against the BIK", () => {
    expect(isValidSettlementAccount("40702810638000000000", SBER.bik)).toBe(true);
    // The often-quoted 40702810938000000000 does not pass the key with Sberbank's BIK.
    expect(isValidSettlementAccount("40702810938000000000", SBER.bik)).toBe(false);
    expect(isValidSettlementAccount("40702810638000000000", "044525974")).toBe(false);
    expect(isValidSettlementAccount("4070281063800000000", SBER.bik)).toBe(false);
  });

  it("checks correspondent accounts of real banks", () => {
    expect(isValidCorrespondentAccount(SBER.corr, SBER.bik)).toBe(true);
    expect(isValidCorrespondentAccount("30101810145250000974", "044525974")).toBe(true); // T-Bank
    expect(isValidCorrespondentAccount("30101810500000000225", SBER.bik)).toBe(false);
    expect(isValidCorrespondentAccount(SBER.corr, "044030653")).toBe(false); // a St Petersburg BIK: another key prefix
  });
});

describe("generators", () => {
  it("complete bodies to numbers that pass the checks", () => {
    expect(completeOrganisationInn("770708389")).toBe(SBER.inn);
    expect(completePersonInn("5001007322")).toBe("500100732259");
    expect(completeOgrn("102770013219")).toBe(SBER.ogrn);
    expect(completeOgrnip("30450011600015")).toBe("304500116000157");
    expect(completeSettlementAccount("40702810938000000000", SBER.bik)).toBe("40702810638000000000");
    expect(isValidCorrespondentAccount(completeCorrespondentAccount("30101810000000000225", SBER.bik), SBER.bik)).toBe(true);
    for (let i = 0; i < 50; i += 1) {
      const body = String(100_000_000 + i * 7919).slice(0, 9);
      expect(isValidOrganisationInn(completeOrganisationInn(body))).toBe(true);
    }
  });
});

const schema = z.object(requisitesFields).superRefine(checkRequisites);
const fieldErrors = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  return result.success ? {} : result.error.flatten().fieldErrors;
};

describe("requisites schema", () => {
  it("accepts Sberbank's full requisites", () => {
    const result = schema.safeParse({ inn: SBER.inn, kpp: SBER.kpp, ogrn: SBER.ogrn, bik: SBER.bik, account: "40702810638000000000", correspondentAccount: SBER.corr, bankName: "ПАО Сбербанк" });
    expect(result.success).toBe(true);
  });

  it("names the field at fault", () => {
    expect(fieldErrors({ inn: "7707083894", kpp: SBER.kpp }).inn?.[0]).toMatch(/^INN/);
    expect(fieldErrors({ inn: "77070", kpp: SBER.kpp }).inn?.[0]).toMatch(/^INN must have 10 digits/);
    expect(fieldErrors({ inn: SBER.inn }).kpp?.[0]).toMatch(/^KPP is required/);
    expect(fieldErrors({ inn: "500100732259", kpp: SBER.kpp }).kpp?.[0]).toMatch(/^KPP: an individual entrepreneur/);
    expect(fieldErrors({ inn: SBER.inn, kpp: "12" }).kpp?.[0]).toMatch(/^KPP must be 9/);
    expect(fieldErrors({ inn: SBER.inn, kpp: SBER.kpp, ogrn: "304500116000157" }).ogrn?.[0]).toMatch(/^OGRN of an organisation/);
    expect(fieldErrors({ inn: SBER.inn, kpp: SBER.kpp, ogrn: "1027700132196" }).ogrn?.[0]).toMatch(/^OGRN: the check digit/);
    expect(fieldErrors({ inn: SBER.inn, kpp: SBER.kpp, bik: SBER.bik, account: "40702810938000000000" }).account?.[0]).toMatch(/^Account: the control key/);
    expect(fieldErrors({ inn: SBER.inn, kpp: SBER.kpp, account: "40702810638000000000" }).bik?.[0]).toMatch(/^BIK is required/);
    expect(fieldErrors({ inn: SBER.inn, kpp: SBER.kpp, bik: SBER.bik, correspondentAccount: "30101810500000000225" }).correspondentAccount?.[0]).toMatch(/^Correspondent account/);
  });

  it("treats blank optional fields as absent and upper-cases the KPP", () => {
    const result = schema.parse({ inn: "500100732259", kpp: "  ", ogrn: "304500116000157", bik: "", account: "" });
    expect(result.kpp).toBeUndefined();
    expect(schema.parse({ inn: SBER.inn, kpp: "7736ab001" }).kpp).toBe("7736AB001");
  });
});

describe("buyerCan", () => {
  it("opens individual prices from level 2 and finances at level 3", () => {
    expect(buyerCan(1, "individual_prices")).toBe(false);
    expect(buyerCan(2, "individual_prices")).toBe(true);
    expect(buyerCan(2, "finances")).toBe(false);
    expect(buyerCan(3, "finances")).toBe(true);
    expect(buyerCan(3, "individual_prices")).toBe(true);
  });
});
