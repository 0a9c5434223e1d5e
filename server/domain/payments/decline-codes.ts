/**
 * One decline taxonomy for every processor. Each adapter maps its own response codes to these
 * codes; the router only looks at the category:
 * - soft: this processor would not take it now; another processor may → try the next one
 * - hard: the card or account cannot pay (declined, insufficient funds, expired) → stop
 * - fraud: stolen, lost or suspected fraud → stop (never spray a suspicious card across processors)
 * - technical: the processor failed (timeout, 5xx, bad answer) → try the next one, and count a
 *   failure against the processor (N in a row switch it off)
 */
export type DeclineCategory = "soft" | "hard" | "fraud" | "technical";

export const DECLINE_CODES = {
  do_not_honor: "soft",
  try_again_later: "soft",
  issuer_unavailable: "soft",
  processor_declined: "soft",
  method_not_supported: "soft",
  card_declined: "hard",
  insufficient_funds: "hard",
  expired_card: "hard",
  invalid_card: "hard",
  cvv_required: "hard",
  invalid_amount: "hard",
  lost_card: "fraud",
  stolen_card: "fraud",
  suspected_fraud: "fraud",
  processor_error: "technical",
  timeout: "technical",
  network_error: "technical",
  bad_response: "technical",
  configuration_error: "technical",
} as const satisfies Record<string, DeclineCategory>;

export type DeclineCode = keyof typeof DECLINE_CODES;

export function isDeclineCode(value: string): value is DeclineCode {
  return Object.hasOwn(DECLINE_CODES, value);
}

export function categoryOf(code: DeclineCode): DeclineCategory {
  return DECLINE_CODES[code];
}

/** Whether the cascade goes on to the next processor after this decline. */
export function triesNextProcessor(code: DeclineCode): boolean {
  const category = categoryOf(code);
  return category === "soft" || category === "technical";
}
