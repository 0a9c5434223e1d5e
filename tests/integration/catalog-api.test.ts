import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerApiKeys, companies, companyMembers, products, userSessions, users } from "@/db/schema";
import { hashBuyerApiKey } from "@/server/domain/catalog-api/api-keys";
import { priceForBuyer } from "@/server/domain/pricing/price-for-buyer";
import { fromMinorUnits } from "@/server/domain/money/money";
import { handleCatalogApi, type CatalogApiResource } from "@/server/http/catalog-api";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let f: CatalogFixture;
let buyer: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createCatalogFixture(t.db);
  const [company] = await t.db.insert(companies).values({ name: "ООО Вектор", inn: "7707083893", kpp: "770701001", regionId: f.regions.spb.id, priceTypeId: f.priceTypes.wholesale.id }).returning();
  buyer = await makeUser(t.db, { role: "buyer" });
  await t.db.insert(companyMembers).values({ userId: buyer.id, companyId: company!.id, accessLevel: 2, isDefault: true });
});
afterAll(async () => {
  await t.destroy();
});

const call = async (resource: CatalogApiResource, key: string | null, query = "", now?: Date) => {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const response = await handleCatalogApi(new Request(`http://test/api/v1/catalog/x?${query}`, { headers }), resource, { db: t.db, now });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

async function issueKey(userId = buyer.id) {
  const session = await sessionFor(t.db, userId);
  const api = callerFor(t.db, session);
  return { ...(await api.buyerAccount.issueApiKey()), session, api };
}

describe("personal API keys", () => {
  it("are shown once, stored only as a hash, and live for the configured lifetime", async () => {
    const admin = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "admin" })).id));
    await admin.settings.setApi({ keyLifetimeDays: 7 });
    const before = Date.now();
    const { key, info } = await issueKey();
    expect(key).toMatch(/^b2bk_[\w-]{32}$/);
    expect(info.expiresAt.getTime() - before).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(info.expiresAt.getTime() - before).toBeLessThan(7 * 86_400_000 + 60_000);
    const rows = await t.db.select().from(buyerApiKeys).where(eq(buyerApiKeys.userId, buyer.id));
    expect(JSON.stringify(rows)).not.toContain(key);
    expect(rows.some((r) => r.keyHash === hashBuyerApiKey(key))).toBe(true);
    await admin.settings.setApi({ keyLifetimeDays: 30 });
    expect((await trpcError(admin.settings.setApi({ keyLifetimeDays: 0 }))).message).toMatch(/keyLifetimeDays/);
  });

  it("resetting revokes the old key at once and ends the buyer's other sessions", async () => {
    const first = await issueKey();
    const otherBrowser = await sessionFor(t.db, buyer.id);
    expect((await call({ kind: "sections" }, first.key)).status).toBe(200);
    const second = await first.api.buyerAccount.issueApiKey();
    expect((await call({ kind: "sections" }, first.key)).body.error).toMatch(/reset/);
    expect((await call({ kind: "sections" }, second.key)).status).toBe(200);
    const [other] = await t.db.select().from(userSessions).where(eq(userSessions.id, otherBrowser.sessionId));
    expect(other?.revokedAt).not.toBeNull();
    const [own] = await t.db.select().from(userSessions).where(eq(userSessions.id, first.session.sessionId));
    expect(own?.revokedAt).toBeNull();
    expect(await first.api.buyerAccount.apiKey()).toMatchObject({ prefix: second.key.slice(0, 11), expired: false });
  });

  it("refuses a missing, unknown, expired or deactivated key with 401 and a reason", async () => {
    const { key } = await issueKey();
    expect((await call({ kind: "sections" }, null)).status).toBe(401);
    expect((await call({ kind: "sections" }, "b2bk_nope")).body.error).toMatch(/not valid/);
    expect((await call({ kind: "sections" }, key, "", new Date(Date.now() + 31 * 86_400_000))).body.error).toMatch(/expired/);
    const other = await makeUser(t.db, { role: "buyer" });
    const { key: otherKey } = await issueKey(other.id);
    await t.db.update(users).set({ isActive: false }).where(eq(users.id, other.id));
    expect((await call({ kind: "sections" }, otherKey)).status).toBe(401);
  });

  it("are for buyers only", async () => {
    for (const role of ["admin", "manager", "supplier"] as const) {
      const api = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role })).id));
      expect((await trpcError(api.buyerAccount.issueApiKey())).code, role).toBe("FORBIDDEN");
    }
    const buyerApi = callerFor(t.db, await sessionFor(t.db, buyer.id));
    expect((await trpcError(buyerApi.settings.setApi({ keyLifetimeDays: 3 }))).code).toBe("FORBIDDEN");
  });
});

describe("catalog API", () => {
  it("lists sections and property kinds with their values", async () => {
    const { key } = await issueKey();
    const sections = (await call({ kind: "sections" }, key)).body.sections as Array<{ slug: string; parentId: string | null }>;
    expect(sections.map((s) => s.slug)).toEqual(expect.arrayContaining(["wiring", "sockets", "sockets-flush", "lighting", "lamps"]));
    const properties = (await call({ kind: "properties" }, key)).body.properties as Array<{ code: string; values: Array<{ value: string }> }>;
    expect(properties.find((p) => p.code === "color")?.values.map((v) => v.value)).toEqual(["белый", "чёрный"]);
  });

  it("pages through published products of a section with personal prices and stock, and nothing else", async () => {
    const { key } = await issueKey();
    const seen: Array<{ sku: string; variants: Array<{ id: string; price: { amount: string; currency: string } | null; stock: Array<{ warehouse: string; quantity: number }> }> }> = [];
    let after: string | null = null;
    do {
      const page = await call({ kind: "products" }, key, `section=${f.categories.A.id}&limit=2${after ? `&after=${after}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.products as typeof seen));
      after = page.body.next as string | null;
    } while (after);
    expect(seen.map((p) => p.sku)).toEqual(["LEG-774401", "LEG-782345", "SE-ATN000143"]);
    const expected = await priceForBuyer(t.db, buyer.id, [{ variantId: f.products.P1.variantId, quantity: 1 }]);
    const p1 = seen[0]!.variants[0]!;
    expect(p1.price).toMatchObject({ amount: fromMinorUnits(expected.lines[0]!.unitMinor, "RUB"), currency: "RUB" });
    expect(p1.stock).toEqual([{ warehouse: "w1", quantity: 10 }]);
    const inEuro = await call({ kind: "product", sku: "LEG-774401" }, key, "currency=EUR");
    expect(inEuro.status).toBe(200);
  });

  it("serves incremental sync by updatedSince and one product by SKU; drafts are not found", async () => {
    const { key } = await issueKey();
    await t.db.update(products).set({ updatedAt: new Date("2030-01-01T00:00:00Z") }).where(eq(products.id, f.products.P4.id));
    const changed = await call({ kind: "products" }, key, "updatedSince=2029-12-31T00:00:00Z");
    expect((changed.body.products as Array<{ sku: string }>).map((p) => p.sku)).toEqual(["GS-102502"]);
    const one = await call({ kind: "product", sku: "GS-102502" }, key);
    expect((one.body.product as { properties: Array<{ code: string; value: string }> }).properties).toEqual([{ code: "power", name: "Мощность", unit: "Вт", value: "10.0000" }]);
    expect((await call({ kind: "product", sku: "LEG-000001" }, key)).status).toBe(404);
  });

  it("names the parameter at fault", async () => {
    const { key } = await issueKey();
    for (const [query, field] of [["limit=0", "limit"], ["limit=5000", "limit"], ["section=abc", "section"], ["updatedSince=yesterday", "updatedSince"], ["currency=XYZ", "currency"]]) {
      const response = await call({ kind: "products" }, key, query!);
      expect(response.status, query).toBe(400);
      expect(response.body.error, query).toMatch(new RegExp(`^${field}:`));
    }
  });
});
