import { dadataCompanyLookup } from "./dadata-provider";
import { stubCompanyLookup } from "./stub-provider";
import type { CompanyLookupProvider } from "./types";

export type { CompanyDetails, CompanyLookupProvider } from "./types";

/**
 * COMPANY_LOOKUP_PROVIDER=dadata with DADATA_API_KEY asks DaData; anything else (the default)
 * uses the offline stub, so nothing leaves the machine unless an operator configures it.
 */
export function companyLookupFromEnv(env: Record<string, string | undefined> = process.env): CompanyLookupProvider {
  if (env.COMPANY_LOOKUP_PROVIDER === "dadata" && env.DADATA_API_KEY) return dadataCompanyLookup(env.DADATA_API_KEY);
  return stubCompanyLookup;
}
