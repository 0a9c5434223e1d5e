import { describe, expect, it } from "vitest";
import { completeCorrespondentAccount, completeOrganisationInn, completeSettlementAccount } from "@/server/domain/companies/requisites";
import { newsInputSchema } from "@/server/domain/suppliers/news";
import { supplierApplicationSchema } from "@/server/domain/suppliers/supplier-schemas";
import { companyLookupFromEnv } from "@/server/integrations/company-lookup";
import { dadataCompanyLookup } from "@/server/integrations/company-lookup/dadata-provider";
import { stubCompanyLookup } from "@/server/integrations/company-lookup/stub-provider";

const BIK = "044525225";
const valid = {
  name: "ООО «Тест»",
  inn: completeOrganisationInn("771234567"),
  kpp: "771201001",
  legalAddress: "г. Москва, ул. Тестовая, д. 1",
  bankName: "ПАО Сбербанк",
  bik: BIK,
  account: completeSettlementAccount("40702810000000000042", BIK),
  correspondentAccount: completeCorrespondentAccount("30101810400000000225", BIK),
  contactName: "Иван Тестов",
  email: "Ivan@Example.com",
  phone: "+7 900 000-00-00",
  password: "long-enough-1",
};
const issuesOf = (input: unknown) => supplierApplicationSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("supplier application schema", () => {
  it("accepts valid requisites, lower-cases the e-mail, defaults to no documents", () => {
    const parsed = supplierApplicationSchema.parse(valid);
    expect(parsed.email).toBe("ivan@example.com");
    expect(parsed.documents).toEqual([]);
  });

  it("names the field at fault: INN checksum, KPP of an organisation, account key, password", () => {
    expect(issuesOf({ ...valid, inn: "7712345670" }).join()).toMatch(/^inn: /);
    expect(issuesOf({ ...valid, kpp: "" })).toEqual(["kpp: KPP is required for an organisation (10-digit INN)"]);
    expect(issuesOf({ ...valid, account: "40702810000000000009" })).toEqual(["account: Account: the control key does not match the BIK"]);
    expect(issuesOf({ ...valid, password: "short" })[0]).toMatch(/^password: /);
    expect(issuesOf({ ...valid, website: "not a url" })[0]).toMatch(/^website: /);
  });

  it("takes PDF, JPG and PNG documents only", () => {
    const doc = (contentType: string) => ({ ...valid, documents: [{ fileName: "a", contentType, base64: Buffer.from("x").toString("base64") }] });
    expect(issuesOf(doc("application/pdf"))).toEqual([]);
    expect(issuesOf(doc("application/zip"))[0]).toMatch(/^documents\.0\.contentType: documents: only PDF/);
  });
});

describe("news schema", () => {
  it("needs a period for a promotion, in order", () => {
    expect(newsInputSchema.safeParse({ kind: "news", title: "Склад", body: "Открыли новый склад." }).success).toBe(true);
    expect(newsInputSchema.safeParse({ kind: "promotion", title: "Скидка", body: "Скидка 10% на всё." }).error?.issues[0]?.path).toEqual(["startsOn"]);
    expect(newsInputSchema.safeParse({ kind: "promotion", title: "Скидка", body: "Скидка 10% на всё.", startsOn: "2026-02-01", endsOn: "2026-01-01" }).error?.issues[0]?.path).toEqual(["endsOn"]);
  });
});

describe("company lookup", () => {
  it("answers demo INNs from the stub, deterministically; INNs ending in 000 are not found", async () => {
    expect(await stubCompanyLookup.findByInn("7707083893")).toMatchObject({ name: "ПАО СБЕРБАНК", ogrn: "1027700132195" });
    const inn = completeOrganisationInn("500100732");
    expect(await stubCompanyLookup.findByInn(inn)).toEqual(await stubCompanyLookup.findByInn(inn));
    expect(await stubCompanyLookup.findByInn("7700000000")).toBeNull();
  });

  it("uses the stub unless DaData is configured with a key", () => {
    expect(companyLookupFromEnv({}).name).toBe("stub");
    expect(companyLookupFromEnv({ COMPANY_LOOKUP_PROVIDER: "dadata" }).name).toBe("stub");
    expect(companyLookupFromEnv({ COMPANY_LOOKUP_PROVIDER: "dadata", DADATA_API_KEY: "k" }).name).toBe("dadata");
  });

  it("calls DaData's findById/party with the token and maps the first suggestion", async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      return new Response(
        JSON.stringify({
          suggestions: [{ value: "ПАО СБЕРБАНК", data: { inn: "7707083893", kpp: "773601001", ogrn: "1027700132195", name: { short_with_opf: "ПАО СБЕРБАНК" }, address: { unrestricted_value: "117312, г Москва, ул Вавилова, д 19" }, management: { name: "Греф Герман Оскарович" } } }],
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      );
    }) as typeof fetch;
    const found = await dadataCompanyLookup("secret-key", fakeFetch).findByInn("7707083893");
    expect(calls[0]?.url).toBe("https://suggestions.dadata.ru/suggestions/api/4_1/rs/findById/party");
    expect((calls[0]?.init?.headers as Record<string, string>).authorization).toBe("Token secret-key");
    expect(JSON.parse(String(calls[0]?.init?.body))).toMatchObject({ query: "7707083893" });
    expect(found).toEqual({ inn: "7707083893", name: "ПАО СБЕРБАНК", kpp: "773601001", ogrn: "1027700132195", legalAddress: "117312, г Москва, ул Вавилова, д 19", directorName: "Греф Герман Оскарович" });
  });
});
