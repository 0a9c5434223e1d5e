import { describe, expect, it } from "vitest";
import { catalogQuery, hasFilters, listInputOf, readCatalogUrl } from "@/components/catalog/catalog-url-state";

const K = "11111111-1111-4111-8111-111111111111";
const V1 = "22222222-2222-4222-8222-222222222222";
const V2 = "33333333-3333-4333-8333-333333333333";

describe("catalog URL state", () => {
  it("round-trips every part of the state", () => {
    const query = `cat=sockets&q=${encodeURIComponent("белая розетка")}&v=${V1},${V2}&b=${V1}&l=new,sale&r=${K}:1.5:&stock=1&sort=price_asc&view=list&size=48&p=3`;
    const state = readCatalogUrl(new URLSearchParams(query));
    expect(state).toEqual({
      cat: "sockets",
      q: "белая розетка",
      values: [V1, V2],
      brands: [V1],
      badges: ["new", "sale"],
      ranges: [{ kindId: K, min: 1.5, max: undefined }],
      stock: true,
      sort: "price_asc",
      view: "list",
      size: 48,
      page: 3,
    });
    expect(readCatalogUrl(new URLSearchParams(catalogQuery(state)))).toEqual(state);
    expect(hasFilters(state)).toBe(true);
    expect(listInputOf(state, K)).toMatchObject({ categoryId: K, search: "белая розетка", valueIds: [V1, V2], inStock: true, pageSize: 48, page: 3 });
  });

  it("drops what it does not understand", () => {
    const state = readCatalogUrl(new URLSearchParams("v=nope,'drop&l=free&r=bad:1:2&sort=cheap&size=13&p=-2"));
    expect(state).toMatchObject({ values: [], badges: [], ranges: [], sort: undefined, size: 24, page: 1, view: "grid" });
    expect(hasFilters(state)).toBe(false);
    expect(catalogQuery(state)).toBe("");
  });
});
