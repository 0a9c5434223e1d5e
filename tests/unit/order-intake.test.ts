import { describe, expect, it } from "vitest";
import { cardBrand, luhnValid, maskPan, protectCard } from "@/server/domain/cards/card";
import { open } from "@/server/domain/crypto/secret-box";
import { fieldProblems, orderRequestSchema, parsePaymentMethod } from "@/server/domain/orders/intake-schema";
import { computeOrderAmounts } from "@/server/domain/orders/order-amounts";
import { newOrderId } from "@/server/domain/orders/order-id";
import { RateLimiter } from "@/server/http/rate-limiter";
import { DomainError } from "@/server/domain/errors";
import { TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { orderBody, TEST_CARD, withField, type JsonObject } from "../helpers/order-fixtures";

function parse(body: JsonObject) {
  const result = orderRequestSchema.safeParse(body);
  if (!result.success) throw new Error(`refused: ${JSON.stringify(fieldProblems(result.error))}`);
  return result.data;
}

describe("payment methods", () => {
  it.each<[string | number, string | undefined]>([
    ["credit_card", "credit_card"],
    ["Credit Card", "credit_card"],
    ["CREDITCARD", "credit_card"],
    ["card", "credit_card"],
    [1, "credit_card"],
    ["1", "credit_card"],
    ["PayPal", "paypal"],
    [2, "paypal"],
    ["Cryptocurrency", "crypto"],
    ["crypto", "crypto"],
    [3, "crypto"],
    ["Echeck", "echeck"],
    ["e-check", "echeck"],
    ["E Check", "echeck"],
    [4, "echeck"],
    [5, undefined],
    ["cash", undefined],
    ["", undefined],
  ])("%j → %s", (given, expected) => {
    expect(parsePaymentMethod(given)).toBe(expected);
  });
});

describe("the request schema", () => {
  it("normalises what it accepts: trimmed lower-case e-mail, upper-case codes, XX for a missing state, digits-only card number", () => {
    let body = withField(orderBody(), "customer.email", "  Mixed.Case@Example.COM ");
    body = withField(body, "billing.country", "us");
    body = withField(body, "billing.state", undefined);
    body = withField(body, "options.currency", "eur");
    body = withField(body, "currency", "eur");
    const request = parse(body);
    expect(request.customer.email).toBe("mixed.case@example.com");
    expect(request.billing.country).toBe("US");
    expect(request.billing.state).toBe("XX");
    expect(request.options.currency).toBe("EUR");
    expect(request.payment.card_number).toBe(TEST_CARD.pan);
    expect(request.payment.method).toBe("credit_card");
    expect(request.products[0]?.id).toBe("64764");
  });

  it("does not ask for card fields when the payment is not by card", () => {
    const request = parse(orderBody({ paymentMethod: "paypal" }));
    expect(request.payment.method).toBe("paypal");
    expect(request.payment.card_number).toBeUndefined();
  });

  it("drops unknown fields such as the document's `shop` object", () => {
    const request = parse(orderBody());
    expect(Object.keys(request)).not.toContain("shop");
  });
});

describe("computeOrderAmounts", () => {
  it("reads the document's cart: products after the coupon + shipping; total may be given before the coupon", () => {
    const amounts = computeOrderAmounts(parse(orderBody()));
    expect(amounts).toMatchObject({ currency: "EUR", subtotalMinor: 2000, discountMinor: 500, shippingMinor: 1495, insuranceMinor: 0, totalMinor: 2995, insurance: false });
    expect(amounts.items).toEqual([{ priceMinor: 2000, lineTotalMinor: 2000 }]);
  });

  it("multiplies lines by quantity in JPY without minor units", () => {
    const request = parse(orderBody({ currency: "JPY", products: [["A", 1500, 3], ["B", "200", 1]], shippingPrice: 0 }));
    const amounts = computeOrderAmounts(request);
    expect(amounts.items.map((i) => i.lineTotalMinor)).toEqual([4500, 200]);
    expect(amounts.totalMinor).toBe(4700);
  });

  it("refuses a total that matches neither reading, naming `total`", () => {
    const request = parse(withField(orderBody(), "total", 30));
    let error: unknown;
    try {
      computeOrderAmounts(request);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error instanceof DomainError ? error.field : undefined).toBe("total");
  });
});

describe("cards", () => {
  it("checks Luhn and tells the brand", () => {
    expect(luhnValid(TEST_CARD.pan)).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("4111")).toBe(false);
    expect(luhnValid("41111111111111a1")).toBe(false);
    expect(cardBrand("4111111111111111")).toBe("visa");
    expect(cardBrand("5555555555554444")).toBe("mastercard");
    expect(cardBrand("2223003122003222")).toBe("mastercard");
    expect(cardBrand("378282246310005")).toBe("amex");
    expect(cardBrand("2200000000000004")).toBe("mir");
    expect(maskPan(TEST_CARD.pan)).toBe("4111 •••• •••• 1111");
  });

  it("seals the card details it is given and shows only brand and last four", () => {
    const card = protectCard({ pan: TEST_CARD.pan, expiryMonth: 4, expiryYear: 2031, holder: "A B" }, TEST_ENCRYPTION_KEY);
    expect(card.cardBrand).toBe("visa");
    expect(card.cardLast4).toBe("1111");
    expect(card.cardSealed).not.toContain(TEST_CARD.pan);
    expect(JSON.parse(open(card.cardSealed, [TEST_ENCRYPTION_KEY]))).toEqual({ pan: TEST_CARD.pan, expiryMonth: 4, expiryYear: 2031, holder: "A B" });
  });
});

describe("order ids", () => {
  it("are ord_ and 128 random bits in base64url, never repeating", () => {
    const ids = Array.from({ length: 1000 }, () => newOrderId());
    for (const id of ids) expect(id).toMatch(/^ord_[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("RateLimiter", () => {
  it("allows a burst, then refills at the configured rate and says how long to wait", () => {
    const limiter = new RateLimiter(2, 3);
    const start = 1_000_000;
    expect([0, 1, 2].map(() => limiter.take("shop", start))).toEqual([0, 0, 0]);
    expect(limiter.take("shop", start)).toBe(1);
    expect(limiter.take("other", start)).toBe(0);
    expect(limiter.take("shop", start + 500)).toBe(0);
    expect(limiter.take("shop", start + 500)).toBe(1);
  });
});
