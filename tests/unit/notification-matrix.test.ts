import { describe, expect, it } from "vitest";
import { channelEnabled, defaultFor, eventDefaults, KNOWN_EVENTS, overrideKey, prefKey, seedDefault } from "@/server/domain/notifications/matrix";
import { averageCheck, funnelSteps } from "@/server/domain/statistics/funnel";

const none = { overrides: new Map<string, boolean>(), userPrefs: new Map<string, boolean>() };

describe("notification matrix: the seed's defaults", () => {
  it("encodes seed 002's table for clients and managers", () => {
    const channels = (event: string, audience: "client" | "staff") => (["email", "sms", "push"] as const).filter((c) => seedDefault(event, audience, c));
    expect(channels("user.registered", "client")).toEqual(["sms"]);
    expect(channels("company.manager_assigned", "client")).toEqual(["email", "sms"]);
    expect(channels("company.manager_assigned", "staff")).toEqual(["sms"]);
    expect(channels("order.placed", "client")).toEqual(["email", "sms"]);
    expect(channels("order.documents_attached", "client")).toEqual(["email", "sms", "push"]);
    expect(channels("payment.overdue", "client")).toEqual(["push"]);
    expect(channels("payment.overdue", "staff")).toEqual(["push"]);
    expect(channels("order.status_changed", "client")).toEqual(["sms", "push"]);
    expect(channels("specification.recommended", "client")).toEqual(["push"]);
    expect(channels("password.changed", "client")).toEqual(["sms"]);
    expect(KNOWN_EVENTS).toHaveLength(8);
  });

  it("keeps the bell on for every event and unlisted events in-app only", () => {
    for (const event of KNOWN_EVENTS) expect(seedDefault(event, "client", "in_app") && seedDefault(event, "staff", "in_app")).toBe(true);
    expect(eventDefaults("quote.sent")).toEqual({ client: ["in_app"], staff: ["in_app"] });
    expect(channelEnabled("quote.sent", "client", "email", none)).toBe(false);
  });
});

describe("notification matrix: resolution", () => {
  it("the admin's change overrides the seed; the user's choice overrides both", () => {
    const overrides = new Map([[overrideKey("order.placed", "client", "sms"), false]]);
    expect(defaultFor("order.placed", "client", "sms", overrides)).toBe(false);
    expect(channelEnabled("order.placed", "client", "sms", { overrides, userPrefs: new Map() })).toBe(false);
    expect(channelEnabled("order.placed", "client", "sms", { overrides, userPrefs: new Map([[prefKey("order.placed", "sms"), true]]) })).toBe(true);
    expect(channelEnabled("order.placed", "client", "email", { overrides, userPrefs: new Map([[prefKey("order.placed", "email"), false]]) })).toBe(false);
  });

  it("a mandatory cell stays on whatever the user chose, unless the admin turned it off", () => {
    const optOut = new Map([[prefKey("password.changed", "sms"), false]]);
    expect(channelEnabled("password.changed", "client", "sms", { overrides: new Map(), userPrefs: optOut })).toBe(true);
    const adminOff = new Map([[overrideKey("password.changed", "client", "sms"), false]]);
    expect(channelEnabled("password.changed", "client", "sms", { overrides: adminOff, userPrefs: new Map() })).toBe(false);
  });
});

describe("funnel math", () => {
  it("computes each step's share of the previous and of the start", () => {
    expect(funnelSteps({ registered: 40, ordered: 10, repeat: 4 })).toEqual([
      { step: "registered", count: 40, ofPrevious: 100, ofStart: 100 },
      { step: "ordered", count: 10, ofPrevious: 25, ofStart: 25 },
      { step: "repeat", count: 4, ofPrevious: 40, ofStart: 10 },
    ]);
  });

  it("is zero, not NaN, on empty steps, and caps a step at the previous one", () => {
    expect(funnelSteps({ registered: 0, ordered: 0, repeat: 0 }).map((s) => [s.ofPrevious, s.ofStart])).toEqual([[0, 0], [0, 0], [0, 0]]);
    const capped = funnelSteps({ registered: 3, ordered: 5, repeat: 9 });
    expect(capped.map((s) => s.count)).toEqual([3, 3, 3]);
    expect(funnelSteps({ registered: 3, ordered: 1, repeat: 0 })[1]?.ofPrevious).toBe(33.3);
  });

  it("average check rounds minor units and is 0 without orders", () => {
    expect(averageCheck(1000, 3)).toBe(333);
    expect(averageCheck(0, 0)).toBe(0);
  });
});
