import { describe, expect, it } from "vitest";
import { categoryOf, DECLINE_CODES, isDeclineCode, triesNextProcessor } from "@/server/domain/payments/decline-codes";
import { sandboxDeclineCode } from "@/server/integrations/payments/sandbox/sandbox-adapter";

describe("decline taxonomy", () => {
  it("goes on after soft declines and technical failures only", () => {
    expect(triesNextProcessor("do_not_honor")).toBe(true);
    expect(triesNextProcessor("issuer_unavailable")).toBe(true);
    expect(triesNextProcessor("timeout")).toBe(true);
    expect(triesNextProcessor("processor_error")).toBe(true);
    expect(triesNextProcessor("insufficient_funds")).toBe(false);
    expect(triesNextProcessor("card_declined")).toBe(false);
    expect(triesNextProcessor("stolen_card")).toBe(false);
    expect(triesNextProcessor("suspected_fraud")).toBe(false);
  });

  it("every code has one of the four categories", () => {
    for (const code of Object.keys(DECLINE_CODES)) {
      expect(isDeclineCode(code)).toBe(true);
      expect(["soft", "hard", "fraud", "technical"]).toContain(categoryOf(code as keyof typeof DECLINE_CODES));
    }
    expect(isDeclineCode("toString")).toBe(false);
  });

  it("the sandbox adapter maps its response codes, and an unknown code to a hard decline", () => {
    expect(sandboxDeclineCode("05")).toBe("do_not_honor");
    expect(sandboxDeclineCode("51")).toBe("insufficient_funds");
    expect(sandboxDeclineCode("59")).toBe("suspected_fraud");
    expect(sandboxDeclineCode("96")).toBe("processor_error");
    expect(categoryOf(sandboxDeclineCode("ZZ"))).toBe("hard");
    expect(categoryOf(sandboxDeclineCode(undefined))).toBe("hard");
  });
});
