import { describe, expect, it } from "vitest";
import { listCustomersSchema } from "@/server/domain/customers/customer-schemas";
import { dayAfter, decodeCursor, encodeCursor, planSearch, prefixRange } from "@/server/domain/customers/customer-search";

const ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

describe("planSearch", () => {
  it("matches an e-mail by its beginning, lower-cased", () => {
    expect(planSearch("  John.Doe@EX ")).toEqual({ kind: "email", prefix: "john.doe@ex" });
  });

  it("matches a phone by its digits when the text looks like a phone", () => {
    expect(planSearch("+1 (555) 010-20")).toEqual({ kind: "phone", digits: "155501020" });
    expect(planSearch("555")).toEqual({ kind: "phone", digits: "555" });
  });

  it("treats short digit runs and names as text", () => {
    expect(planSearch("12")).toEqual({ kind: "text", prefix: "12" });
    expect(planSearch("Olga   Zim")).toEqual({ kind: "text", prefix: "olga zim" });
  });

  it("ignores a blank search", () => {
    expect(planSearch("   ")).toBeNull();
    expect(planSearch(undefined)).toBeNull();
  });
});

describe("prefixRange", () => {
  it("bounds the values that begin with the prefix, in byte order", () => {
    expect(prefixRange("olga")).toEqual({ from: "olga", to: "olgb" });
    expect(prefixRange("olga zim")).toEqual({ from: "olga zim", to: "olga zin" });
    expect(prefixRange("50%_")).toEqual({ from: "50%_", to: "50%`" });
    expect(prefixRange("оля")).toEqual({ from: "оля", to: "олѐ" });
    expect(prefixRange("a😀")).toEqual({ from: "a😀", to: "a😁" });
  });

  it("keeps every value with the prefix inside and the next ones out", () => {
    const { from, to } = prefixRange("smith");
    const inside = (v: string) => Buffer.compare(Buffer.from(v), Buffer.from(from)) >= 0 && Buffer.compare(Buffer.from(v), Buffer.from(to)) < 0;
    expect(["smith", "smith j", "smithson", "smith\u{10ffff}"].every(inside)).toBe(true);
    expect(["smitg", "smiti", "smiti a", "smit"].some(inside)).toBe(false);
  });
});

describe("keyset cursors", () => {
  it("round-trip for their own sort only", () => {
    const cursor = encodeCursor({ sort: "total", key: 12345, id: ID });
    expect(decodeCursor(cursor, "total")).toEqual({ sort: "total", key: 12345, id: ID });
    expect(decodeCursor(cursor, "orders")).toBeNull();
  });

  it("keep PostgreSQL's microseconds for the joining date", () => {
    const key = "2026-11-23 11:28:57.123456+00";
    expect(decodeCursor(encodeCursor({ sort: "joined", key, id: ID }), "joined")?.key).toBe(key);
  });

  it("refuse tampered or malformed cursors instead of failing in SQL", () => {
    expect(decodeCursor("garbage", "joined")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "joined", key: "yesterday; drop table", id: ID }), "joined")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "orders", key: "7", id: ID }), "orders")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ s: "name", k: "x", i: "not-a-uuid" })).toString("base64url"), "name")).toBeNull();
  });
});

describe("list input", () => {
  it("has defaults, accepts URL-style values and refuses odd page sizes", () => {
    expect(listCustomersSchema.parse({})).toMatchObject({ status: "all", sort: "joined", dir: "desc", pageSize: 20 });
    expect(listCustomersSchema.parse({ pageSize: "50", search: " ", joinedFrom: "" })).toMatchObject({ pageSize: 50, search: undefined, joinedFrom: undefined });
    expect(listCustomersSchema.safeParse({ pageSize: 7 }).success).toBe(false);
    expect(listCustomersSchema.safeParse({ joinedFrom: "23.11.2026" }).success).toBe(false);
  });

  it("makes the end of a date range inclusive", () => {
    expect(dayAfter("2026-02-28")).toBe("2026-03-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
  });
});
