import { z } from "zod";
import type { CompanyDetails, CompanyLookupProvider } from "./types";

const FIND_BY_ID_URL = "https://suggestions.dadata.ru/suggestions/api/4_1/rs/findById/party";

/** The part of DaData's "party" suggestion we use (https://dadata.ru/api/find-party/). */
const partyResponseSchema = z.object({
  suggestions: z.array(
    z.object({
      value: z.string(),
      data: z.object({
        inn: z.string(),
        kpp: z.string().nullish(),
        ogrn: z.string().nullish(),
        name: z.object({ short_with_opf: z.string().nullish(), full_with_opf: z.string().nullish() }).nullish(),
        address: z.object({ value: z.string().nullish(), unrestricted_value: z.string().nullish() }).nullish(),
        management: z.object({ name: z.string().nullish() }).nullish(),
      }),
    }),
  ),
});

/** DaData's findById/party: POST {query: INN} with "Authorization: Token <key>"; the first suggestion is the main office. */
export function dadataCompanyLookup(apiKey: string, fetchImpl: typeof fetch = fetch): CompanyLookupProvider {
  return {
    name: "dadata",
    async findByInn(inn) {
      const response = await fetchImpl(FIND_BY_ID_URL, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Token ${apiKey}` },
        body: JSON.stringify({ query: inn, branch_type: "MAIN", count: 1 }),
        signal: AbortSignal.timeout(8_000),
      });
      if (!response.ok) throw new Error(`DaData answered ${response.status}`);
      const parsed = partyResponseSchema.parse(await response.json());
      const first = parsed.suggestions[0];
      if (!first) return null;
      const { data } = first;
      const details: CompanyDetails = {
        inn: data.inn,
        name: data.name?.short_with_opf ?? first.value,
        kpp: data.kpp ?? null,
        ogrn: data.ogrn ?? null,
        legalAddress: data.address?.unrestricted_value ?? data.address?.value ?? null,
        directorName: data.management?.name ?? null,
      };
      return details;
    },
  };
}
