import { useTranslations } from "next-intl";
import type { BankDetails } from "@/db/schema/companies";

interface Requisites {
  inn: string;
  kpp: string | null;
  ogrn: string | null;
  legalAddress: string | null;
  postalAddress: string | null;
  bank: BankDetails | null;
}

/** A company's requisites as a two-column definition list (staff card and buyer cabinet). */
export function RequisitesList({ company }: { company: Requisites }) {
  const t = useTranslations("companies.fields");
  const rows: Array<[string, string | null | undefined, boolean]> = [
    [t("inn"), company.inn, true],
    [t("kpp"), company.kpp, true],
    [t("ogrn"), company.ogrn, true],
    [t("legalAddress"), company.legalAddress, false],
    [t("postalAddress"), company.postalAddress, false],
    [t("bankName"), company.bank?.bankName, false],
    [t("bik"), company.bank?.bik, true],
    [t("account"), company.bank?.account, true],
    [t("correspondentAccount"), company.bank?.correspondentAccount, true],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 2xl:grid-cols-3" data-testid="requisites">
      {rows.map(([label, value, mono]) => (
        <div key={label} className="border-b pb-2">
          <dt className="text-muted-foreground text-xs">{label}</dt>
          <dd className={mono ? "font-mono" : undefined}>{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
