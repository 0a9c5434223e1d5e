/** What a company-register lookup tells about an INN: enough to prefill a supplier application. */
export interface CompanyDetails {
  inn: string;
  name: string;
  kpp: string | null;
  ogrn: string | null;
  legalAddress: string | null;
  directorName: string | null;
}

/** A source of company details by INN (the Federal Tax Service register through a provider, or a stub). */
export interface CompanyLookupProvider {
  readonly name: string;
  findByInn(inn: string): Promise<CompanyDetails | null>;
}
