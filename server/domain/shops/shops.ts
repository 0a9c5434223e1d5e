import { randomBytes, timingSafeEqual } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { shops } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { conflict, notFound } from "../errors";
import type { Actor } from "../users/manage-users";
import { hashToken } from "../crypto/token-hash";

export type Shop = typeof shops.$inferSelect;
export type PublicShop = Omit<Shop, "apiKeyHash">;

export const shopInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  hostname: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, "Hostname must look like shop.example.com"),
  defaultCurrency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO code").default("USD"),
  defaultManagerId: z.string().uuid().nullish(),
  isActive: z.boolean().default(true),
});
export type ShopInput = z.input<typeof shopInputSchema>;

export function hashApiKey(key: string): string {
  return hashToken(key);
}

export function newApiId(): string {
  return `shop_${randomBytes(6).toString("hex")}`;
}

/** A high-entropy key: a fast hash is enough (nothing to brute-force), and it keeps the order API fast. */
export function newApiKey(): string {
  return `sk_${randomBytes(24).toString("base64url")}`;
}

const publicColumns = {
  id: shops.id,
  name: shops.name,
  hostname: shops.hostname,
  apiId: shops.apiId,
  apiKeyPrefix: shops.apiKeyPrefix,
  defaultCurrency: shops.defaultCurrency,
  defaultManagerId: shops.defaultManagerId,
  isActive: shops.isActive,
  keyRotatedAt: shops.keyRotatedAt,
  createdAt: shops.createdAt,
};

export async function listShops(db: Db): Promise<PublicShop[]> {
  return db.select(publicColumns).from(shops).orderBy(asc(shops.createdAt));
}

/** Creates a shop and returns its API key: the only time the key is ever shown. */
export async function createShop(db: Db, actor: Actor, rawInput: ShopInput, fixed?: { apiId?: string; apiKey?: string }) {
  const input = shopInputSchema.parse(rawInput);
  const apiId = fixed?.apiId ?? newApiId();
  const apiKey = fixed?.apiKey ?? newApiKey();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: shops.id }).from(shops).where(eq(shops.apiId, apiId)).limit(1);
    if (taken) throw conflict("A shop with this API id already exists", "apiId");
    const [shop] = await tx
      .insert(shops)
      .values({ ...input, apiId, apiKeyHash: hashApiKey(apiKey), apiKeyPrefix: apiKey.slice(0, 7) })
      .returning(publicColumns);
    if (!shop) throw notFound("Shop");
    await recordAudit(tx, { actorId: actor.id, action: "shop.create", targetType: "shop", targetId: shop.id, ip: actor.ip });
    return { shop, apiKey };
  });
}

export async function updateShop(db: Db, actor: Actor, id: string, rawInput: Partial<ShopInput>) {
  const input = shopInputSchema.partial().parse(rawInput);
  const [shop] = await db.update(shops).set(input).where(eq(shops.id, id)).returning(publicColumns);
  if (!shop) throw notFound("Shop");
  forgetShop(shop.apiId);
  await recordAudit(db, { actorId: actor.id, action: "shop.update", targetType: "shop", targetId: id, details: { fields: Object.keys(input) }, ip: actor.ip });
  return shop;
}

/** Replaces the key at once: the old key stops working (on other instances within the cache time). */
export async function rotateShopKey(db: Db, actor: Actor, id: string) {
  const apiKey = newApiKey();
  const [shop] = await db
    .update(shops)
    .set({ apiKeyHash: hashApiKey(apiKey), apiKeyPrefix: apiKey.slice(0, 7), keyRotatedAt: new Date() })
    .where(eq(shops.id, id))
    .returning(publicColumns);
  if (!shop) throw notFound("Shop");
  forgetShop(shop.apiId);
  await recordAudit(db, { actorId: actor.id, action: "shop.rotate_key", targetType: "shop", targetId: id, ip: actor.ip });
  return { shop, apiKey };
}

const SHOP_CACHE_MS = 30_000;
const shopCache = new Map<string, { shop: Shop | null; at: number }>();

function forgetShop(apiId: string) {
  shopCache.delete(apiId);
}

export function clearShopCache(): void {
  shopCache.clear();
}

/** The active shop these credentials belong to, or null. Constant-time key comparison. */
export async function authenticateShop(db: Db, apiId: string, apiKey: string): Promise<Shop | null> {
  let entry = shopCache.get(apiId);
  if (!entry || Date.now() - entry.at > SHOP_CACHE_MS) {
    const [shop] = await db.select().from(shops).where(eq(shops.apiId, apiId)).limit(1);
    entry = { shop: shop ?? null, at: Date.now() };
    shopCache.set(apiId, entry);
  }
  const shop = entry.shop;
  if (!shop || !shop.isActive) return null;
  const given = Buffer.from(hashApiKey(apiKey), "hex");
  const expected = Buffer.from(shop.apiKeyHash, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) ? shop : null;
}
