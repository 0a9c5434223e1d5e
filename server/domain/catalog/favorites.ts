import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { favorites, products } from "@/db/schema";
import { notFound } from "@/server/domain/errors";
import type { CatalogViewer } from "./buyer-context";
import { loadTiles, type ProductTile } from "./product-tiles";

/** Adds or removes a favorite; idempotent both ways. Only published products can be added. */
export async function setFavorite(db: Db, userId: string, productId: string, on: boolean): Promise<{ isFavorite: boolean }> {
  if (!on) {
    await db.delete(favorites).where(and(eq(favorites.userId, userId), eq(favorites.productId, productId)));
    return { isFavorite: false };
  }
  const [product] = await db.select({ id: products.id }).from(products).where(and(eq(products.id, productId), eq(products.status, "published")));
  if (!product) throw notFound("Product");
  await db.insert(favorites).values({ userId, productId }).onConflictDoNothing();
  return { isFavorite: true };
}

/** The buyer's favorites, most recently added first, as tiles with their prices. */
export async function listFavorites(db: Db, viewer: CatalogViewer & { userId: string }): Promise<ProductTile[]> {
  const rows = await db
    .select({ productId: favorites.productId })
    .from(favorites)
    .innerJoin(products, and(eq(products.id, favorites.productId), eq(products.status, "published")))
    .where(eq(favorites.userId, viewer.userId))
    .orderBy(desc(favorites.createdAt))
    .limit(500);
  return loadTiles(db, viewer, rows.map((r) => r.productId));
}
