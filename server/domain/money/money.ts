/**
 * Money is integer minor units plus an ISO currency; decimals from the outside world are turned
 * into minor units exactly (a string split, never a float multiplication that could round wrong).
 */
const EXPONENTS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3 };

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** "14.95" or 14.95 in EUR → 1495. Returns null when the value has more decimals than the currency. */
export function toMinorUnits(value: number | string, currency: string): number | null {
  const text = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole = "0", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > exponent) return null;
  const minor = Number(whole) * 10 ** exponent + Number((trimmed || "0").padEnd(exponent, "0").slice(0, exponent) || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return sign === "-" ? -minor : minor;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) return "NaN";
  // Shortest round-trip representation: 14.95 stays "14.95", 0.1 + 0.2 shows its true tail.
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

export function fromMinorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0;
  const digits = Math.abs(minor).toString().padStart(exponent + 1, "0");
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = exponent ? `.${digits.slice(-exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

const RATE_SCALE = 10n ** 10n;

/** Parses a numeric(20,10) rate into an exact scaled integer. */
function scaledRate(usdPerUnit: string): bigint {
  const [whole = "0", fraction = ""] = usdPerUnit.trim().split(".");
  return BigInt(whole) * RATE_SCALE + BigInt((fraction + "0000000000").slice(0, 10));
}

/** Converts minor units of `currency` to US cents at the given rate, rounding half away from zero. */
export function toUsdMinor(amountMinor: number, currency: string, usdPerUnit: string): number {
  if (currency.toUpperCase() === "USD") return amountMinor;
  const exponentShift = 2 - currencyExponent(currency);
  let numerator = BigInt(amountMinor) * scaledRate(usdPerUnit);
  let denominator = RATE_SCALE;
  if (exponentShift > 0) numerator *= 10n ** BigInt(exponentShift);
  if (exponentShift < 0) denominator *= 10n ** BigInt(-exponentShift);
  const negative = numerator < 0n;
  const absolute = negative ? -numerator : numerator;
  const rounded = (absolute + denominator / 2n) / denominator;
  return Number(negative ? -rounded : rounded);
}

/** A percentage fee in basis points of a minor amount, rounded half up, plus a fixed part. */
export function feeMinor(amountMinor: number, basisPoints: number, fixedMinor: number): number {
  return Math.round((amountMinor * basisPoints) / 10_000) + fixedMinor;
}

/** "12 345.60 RUB": an amount for messages (notifications, errors), two decimals, space-grouped thousands. */
export function formatMinor(minor: number, currency: string): string {
  const whole = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  return `${whole.toLocaleString("ru-RU").replace(/\u00a0/g, " ")}.${String(cents).padStart(2, "0")} ${currency}`;
}
