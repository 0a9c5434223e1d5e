/** Currencies a contract may be in. Plain data: the browser's contract form imports it too. */
export const CURRENCIES = ["RUB", "USD", "EUR"] as const;
export type ContractCurrency = (typeof CURRENCIES)[number];
