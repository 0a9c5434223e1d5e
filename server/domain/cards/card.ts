import { seal } from "../crypto/secret-box";

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "jcb" | "diners" | "unionpay" | "maestro" | "mir" | "unknown";

export function luhnValid(pan: string): boolean {
  if (!/^\d{12,19}$/.test(pan)) return false;
  let sum = 0;
  let double = false;
  for (let i = pan.length - 1; i >= 0; i--) {
    let digit = pan.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function cardBrand(pan: string): CardBrand {
  if (/^4/.test(pan)) return "visa";
  if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(pan)) return "mastercard";
  if (/^3[47]/.test(pan)) return "amex";
  if (/^220[0-4]/.test(pan)) return "mir";
  if (/^(6011|65|64[4-9])/.test(pan)) return "discover";
  if (/^35(2[89]|[3-8]\d)/.test(pan)) return "jcb";
  if (/^3(0[0-5]|[689])/.test(pan)) return "diners";
  if (/^62/.test(pan)) return "unionpay";
  if (/^(50|5[6-9]|6)/.test(pan)) return "maestro";
  return "unknown";
}

export interface CardDetails {
  pan: string;
  expiryMonth: number;
  expiryYear: number;
  holder: string;
  birthday?: string;
}

/**
 * What is stored of a card: brand and last four in clear for display, the rest sealed. The CVV
 * is not a parameter here on purpose — it must never reach storage.
 */
export function protectCard(card: CardDetails, key: Buffer) {
  return {
    cardBrand: cardBrand(card.pan),
    cardLast4: card.pan.slice(-4),
    cardSealed: seal(JSON.stringify(card), key),
  };
}

/** "4111111111111111" → "4111 •••• •••• 1111"-style masking for logs and screens. */
export function maskPan(pan: string): string {
  return `${pan.slice(0, 4)} •••• •••• ${pan.slice(-4)}`;
}
