/**
 * The sandbox gateway's test cards (all Luhn-valid, so the order API accepts them). Any other
 * valid number is approved. Response codes are ISO 8583-style, mapped by the sandbox adapter.
 */
export const SANDBOX_CARDS = {
  /** 00 approved */
  approve: "4111111111111111",
  /** 05 do not honor at the first merchant account that sees the order; approved by any other account. */
  softDecline: "4000000000000002",
  /** 51 insufficient funds (hard) */
  insufficientFunds: "4000000000009995",
  /** 54 expired card (hard) */
  expired: "4000000000000069",
  /** 59 suspected fraud (fraud) */
  fraud: "4100000000000019",
  /** HTTP 500 with 96 system malfunction (technical) */
  technical: "4000000000000119",
  /** pending (3-D Secure-like); a signed callback approves it later */
  pending: "4000000000003220",
  /** pending; a signed callback declines it later (05) */
  pendingDecline: "4000000000000341",
} as const;
