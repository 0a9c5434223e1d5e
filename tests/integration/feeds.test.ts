import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, productFeedFiles, products } from "@/db/schema";
import { FEED_FILES_KEPT, FEED_GENERATE_TOPIC, feedGenerateJob } from "@/server/domain/feeds/feeds";
import { handleFeedDownload, handleFeedFile } from "@/server/http/feeds";
import { trpcError } from "../helpers/errors";
import { callerFor, makeUser, sessionFor } from "../helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { child, childrenNamed, parseXml, type XmlNode } from "../helpers/xml-tree";
import { createCatalogFixture, type CatalogFixture } from "./catalog-fixtures";

let t: TestDatabase;
let f: CatalogFixture;
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createCatalogFixture(t.db);
  await t.db.update(products).set({ barcode: "4601234567893" }).where(eq(products.id, f.products.P1.id));
  admin = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "admin" })).id));
});
afterAll(async () => {
  await t.destroy();
});

const base = { shopName: "Электро-Опт", companyName: "ООО «Т3 Трейд»", shopUrl: "https://shop.example", title: "Электротехника оптом", description: "Розетки & лампы <оптом>" };
const textOf = (node: XmlNode | undefined) => node?.text.trim() ?? "";

async function fetchFeed(token: string) {
  const response = await handleFeedDownload(token, { db: t.db });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/xml");
  return parseXml(await response.text());
}

describe("Yandex Market YML", () => {
  it("carries the fields the YML format requires, for the filtered products, with the chosen price type", async () => {
    const feed = await admin.feeds.create({ ...base, name: "Яндекс розетки", format: "yml", priceTypeId: f.priceTypes.wholesale.id, categoryIds: [f.categories.A.id], brandIds: [f.brands.legrand.id] });
    const file = await admin.feeds.generate({ id: feed.id });
    expect(file.items).toBe(2);
    const root = await fetchFeed(feed.token);
    expect(root.name).toBe("yml_catalog");
    expect(root.attributes.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    const shop = child(root, "shop")!;
    for (const required of ["name", "company", "url", "currencies", "categories", "offers"]) expect(child(shop, required), required).toBeDefined();
    expect(textOf(child(shop, "company"))).toBe("ООО «Т3 Трейд»");
    expect(childrenNamed(child(shop, "currencies")!, "currency").map((c) => c.attributes.id)).toEqual(["RUR"]);
    const categories = childrenNamed(child(shop, "categories")!, "category");
    expect(categories).toHaveLength(5);
    for (const c of categories) expect(c.attributes.id).toMatch(/^\d+$/);
    const ids = new Set(categories.map((c) => c.attributes.id));
    const offers = childrenNamed(child(shop, "offers")!, "offer");
    expect(offers.map((o) => textOf(child(o, "vendorCode"))).sort()).toEqual(["LEG-774401", "LEG-782345"]);
    for (const offer of offers) {
      expect(offer.attributes.id).toMatch(/^[A-Za-z0-9]{1,20}$/);
      expect(["true", "false"]).toContain(offer.attributes.available);
      for (const required of ["name", "url", "price", "currencyId", "categoryId"]) expect(child(offer, required), required).toBeDefined();
      expect(ids.has(textOf(child(offer, "categoryId")))).toBe(true);
      expect(textOf(child(offer, "url"))).toMatch(/^https:\/\/shop\.example\/b2b\/product\//);
    }
    const p1 = offers.find((o) => textOf(child(o, "vendorCode")) === "LEG-774401")!;
    expect(p1.attributes).toMatchObject({ id: "LEG774401", available: "true" });
    expect(textOf(child(p1, "price"))).toBe("261.00");
    expect(textOf(child(p1, "barcode"))).toBe("4601234567893");
    expect(textOf(child(p1, "picture"))).toBe("https://shop.example/media/catalog/wiring-devices-1.svg");
    const p3 = offers.find((o) => textOf(child(o, "vendorCode")) === "LEG-782345")!;
    expect(p3.attributes.available).toBe("false");
  });
});

describe("Google Merchant", () => {
  it("has the channel and every required item attribute, escaped text and the g: namespace", async () => {
    const feed = await admin.feeds.create({ ...base, name: "Google лампы", format: "google", idField: "id", priceTypeId: f.priceTypes.retail.id, categoryIds: [f.categories.B1.id] });
    await admin.feeds.generate({ id: feed.id });
    const rss = await fetchFeed(feed.token);
    expect(rss.name).toBe("rss");
    expect(rss.attributes).toMatchObject({ version: "2.0", "xmlns:g": "http://base.google.com/ns/1.0" });
    const channel = child(rss, "channel")!;
    expect(textOf(child(channel, "description"))).toBe("Розетки & лампы <оптом>");
    const items = childrenNamed(channel, "item");
    expect(items).toHaveLength(28);
    for (const item of items) {
      for (const required of ["g:id", "title", "description", "link", "g:image_link", "g:availability", "g:price", "g:condition"]) expect(child(item, required), required).toBeDefined();
      expect(textOf(child(item, "g:price"))).toMatch(/^\d+\.\d{2} RUB$/);
      expect(["in_stock", "out_of_stock"]).toContain(textOf(child(item, "g:availability")));
      expect(textOf(child(item, "g:id"))).toMatch(/^[0-9a-f-]{36}$/);
    }
    const lamp = items.find((i) => textOf(child(i, "g:mpn")) === "GS-102502")!;
    expect(textOf(child(lamp, "g:price"))).toBe("150.00 RUB");
    expect(textOf(child(lamp, "g:availability"))).toBe("in_stock");
    expect(textOf(child(lamp, "g:brand"))).toBe("Gauss");
  });
});

describe("schedule, files and access", () => {
  it("regenerates on schedule through the outbox, keeps the last files and serves the newest", async () => {
    const feed = await admin.feeds.create({ ...base, name: "По расписанию", format: "yml", priceTypeId: f.priceTypes.retail.id, everyMinutes: 60 });
    const [job] = await t.db.select().from(outbox).where(eq(outbox.topic, FEED_GENERATE_TOPIC));
    expect(job?.payload).toEqual({ feedId: feed.id });
    let now = new Date();
    for (let i = 0; i < FEED_FILES_KEPT + 2; i += 1) {
      now = new Date(now.getTime() + 3_600_000);
      await feedGenerateJob(t.db, { feedId: feed.id }, now);
    }
    const files = await t.db.select().from(productFeedFiles).where(eq(productFeedFiles.feedId, feed.id));
    expect(files).toHaveLength(FEED_FILES_KEPT);
    expect(files.every((file) => file.trigger === "schedule")).toBe(true);
    const next = await t.db.select().from(outbox).where(eq(outbox.topic, FEED_GENERATE_TOPIC));
    expect(next.length).toBeGreaterThan(1);
    const newest = files.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    const listed = (await admin.feeds.list()).find((x) => x.id === feed.id)!;
    expect(listed.files[0]?.id).toBe(newest.id);
    const staffFile = await handleFeedFile(newest.id, { db: t.db, session: await sessionFor(t.db, (await makeUser(t.db, { role: "director" })).id) });
    expect(staffFile.status).toBe(200);
    expect(staffFile.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.xml"/);
    expect((await handleFeedDownload("unknown-token-123456789", { db: t.db })).status).toBe(404);
  });

  it("names the field at fault and is for admin, director and content moderator only", async () => {
    expect((await trpcError(admin.feeds.create({ ...base, name: "x", format: "yml", shopUrl: "ftp://x", priceTypeId: f.priceTypes.retail.id }))).message).toMatch(/shopUrl/);
    expect((await trpcError(admin.feeds.create({ ...base, name: "x", format: "yml", priceTypeId: f.priceTypes.retail.id, everyMinutes: 1 }))).message).toMatch(/everyMinutes/);
    const moderator = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role: "content_moderator" })).id));
    expect(Array.isArray(await moderator.feeds.list())).toBe(true);
    for (const role of ["manager", "head_manager", "call_center", "buyer", "supplier"] as const) {
      const api = callerFor(t.db, await sessionFor(t.db, (await makeUser(t.db, { role })).id));
      expect((await trpcError(api.feeds.list())).code, role).toBe("FORBIDDEN");
      expect((await handleFeedFile(crypto.randomUUID(), { db: t.db, session: await sessionFor(t.db, (await makeUser(t.db, { role })).id) })).status, role).toBe(403);
    }
  });
});
