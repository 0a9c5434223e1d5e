import { describe, expect, it } from "vitest";
import { B2B_ORDER_STATUSES } from "@/db/schema/b2b-ordering";
import { averagePer, bucketOf, ORDER_BUCKETS, PROCESSED_BUCKETS } from "@/server/domain/statistics/order-buckets";

describe("the seed's four order states over the B2B statuses", () => {
  it("maps every status, shipped still in processing and only delivered completed", () => {
    expect(Object.fromEntries(B2B_ORDER_STATUSES.map((s) => [s, bucketOf(s)]))).toEqual({
      new: "new", confirmed: "inProcessing", assembling: "inProcessing", shipped: "inProcessing", delivered: "completed", cancelled: "cancelled",
    });
    expect(new Set(B2B_ORDER_STATUSES.map(bucketOf))).toEqual(new Set(ORDER_BUCKETS));
  });

  it("counts as processed what left 'new' and was not cancelled", () => {
    expect([...PROCESSED_BUCKETS].sort()).toEqual(["completed", "inProcessing"]);
  });
});

describe("averagePer", () => {
  it("rounds to two decimals and gives 0 without holders", () => {
    expect(averagePer(5, 3)).toBe(1.67);
    expect(averagePer(3, 2)).toBe(1.5);
    expect(averagePer(4, 0)).toBe(0);
  });
});
