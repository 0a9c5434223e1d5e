import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { products, reviews } from "@/db/schema";
import { notFound } from "@/server/domain/errors";
import type { ReviewInput } from "./catalog-schemas";

/**
 * One review per buyer and product: a second one replaces the first. The product's rating and
 * review count are recomputed from the published reviews in the same transaction, so the card
 * and the "rating" ranking never disagree with the reviews list.
 */
export async function saveReview(db: Db, userId: string, input: ReviewInput): Promise<{ ratingAvg: number; reviewsCount: number }> {
  return db.transaction(async (tx) => {
    // Lock the product row: two reviews saved at once must not both compute a stale average.
    const [product] = await tx.select({ id: products.id }).from(products).where(and(eq(products.id, input.productId), eq(products.status, "published"))).for("update");
    if (!product) throw notFound("Product");
    const text = input.text?.trim() ? input.text.trim() : null;
    await tx
      .insert(reviews)
      .values({ productId: input.productId, userId, rating: input.rating, text })
      .onConflictDoUpdate({ target: [reviews.productId, reviews.userId], set: { rating: input.rating, text, createdAt: new Date() } });
    return refreshRating(tx as unknown as Db, input.productId);
  });
}

export async function deleteReview(db: Db, userId: string, productId: string): Promise<{ ratingAvg: number; reviewsCount: number }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for("update");
    await tx.delete(reviews).where(and(eq(reviews.productId, productId), eq(reviews.userId, userId)));
    return refreshRating(tx as unknown as Db, productId);
  });
}

async function refreshRating(db: Db, productId: string): Promise<{ ratingAvg: number; reviewsCount: number }> {
  const [row] = await db
    .update(products)
    .set({
      ratingAvg: sql`coalesce((select round(avg(r.rating)::numeric, 2) from reviews r where r.product_id = ${productId} and r.status = 'published'), 0)`,
      reviewsCount: sql`(select count(*)::int from reviews r where r.product_id = ${productId} and r.status = 'published')`,
      updatedAt: new Date(),
    })
    .where(eq(products.id, productId))
    .returning({ ratingAvg: products.ratingAvg, reviewsCount: products.reviewsCount });
  return { ratingAvg: Number(row?.ratingAvg ?? 0), reviewsCount: row?.reviewsCount ?? 0 };
}
