/**
 * Exact arithmetic for prices: a value is a fraction of two bigints, so base price × unit ratio ×
 * discount × mass rules × exchange rate is carried exactly and rounded ONCE (half up) at the end.
 * Inputs are decimal strings as PostgreSQL numeric columns return them ("7.50", "-3", "0.0108").
 */
export interface Fraction {
  n: bigint;
  d: bigint;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** "7.5" → 75/10; throws on anything that is not a plain decimal (no exponents, no floats' tails). */
export function parseDecimal(text: string | number): Fraction {
  const value = typeof text === "number" ? plain(text) : text.trim();
  const match = DECIMAL.exec(value);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) throw new Error(`Not a decimal number: ${value}`);
  const [, sign, whole = "", fraction = ""] = match;
  const n = BigInt(`${whole || "0"}${fraction}`) * (sign === "-" ? -1n : 1n);
  return { n, d: 10n ** BigInt(fraction.length) };
}

function plain(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`);
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(12).replace(/\.?0+$/, "") : text;
}

export const ONE: Fraction = { n: 1n, d: 1n };

export function fraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  return { n: BigInt(n), d: BigInt(d) };
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.n, d: a.d * b.d };
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Lowest terms: keeps long chains (a cart total over 1,000 lines) from growing huge denominators. */
export function reduce(value: Fraction): Fraction {
  const divisor = gcd(value.n, value.d);
  return divisor > 1n ? { n: value.n / divisor, d: value.d / divisor } : value;
}

/** Sum; same denominators (the usual case: whole minor units) are added without any multiplication. */
export function add(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
}

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new Error("Division by zero");
  const sign = b.n < 0n ? -1n : 1n;
  return { n: a.n * b.d * sign, d: a.d * b.n * sign };
}

/** (100 + percent) / 100 for a signed percent: +3 → 1.03, -7.5 → 0.925. */
export function percentFactor(percent: Fraction): Fraction {
  return { n: 100n * percent.d + percent.n, d: 100n * percent.d };
}

/** Rounds half up (away from zero for the half, as money rounding is stated in docs/pricing.md). */
export function roundHalfUp(value: Fraction): number {
  const negative = value.n < 0n !== value.d < 0n;
  const n = value.n < 0n ? -value.n : value.n;
  const d = value.d < 0n ? -value.d : value.d;
  const rounded = (2n * n + d) / (2n * d);
  return Number(negative ? -rounded : rounded);
}

export function compare(a: Fraction, b: Fraction): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left === right ? 0 : left < right ? -1 : 1;
}

/** For the explanation: a fraction as a short decimal string ("0.0108", "1.03"). */
export function toDecimalString(value: Fraction, maxDecimals = 6): string {
  const scale = 10n ** BigInt(maxDecimals);
  const scaled = roundHalfUp({ n: value.n * scale, d: value.d });
  const negative = scaled < 0;
  const digits = Math.abs(scaled).toString().padStart(maxDecimals + 1, "0");
  const whole = digits.slice(0, -maxDecimals);
  const decimals = digits.slice(-maxDecimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${decimals ? `.${decimals}` : ""}`;
}

/** Normalises a percent string for display: "7.50" → "7.5", "3.00" → "3". */
export function percentText(value: string): string {
  return toDecimalString(parseDecimal(value), 2);
}
