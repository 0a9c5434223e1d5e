import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carts } from "@/db/schema";
import { badInput, notFound } from "../errors";

export interface CartSummary {
  id: string;
  name: string;
  status: (typeof carts.$inferSelect)["status"];
  isActive: boolean;
  lines: number;
  updatedAt: Date;
}

/** Every cart of the buyer except ordered ones, the active first, then the newest. */
export async function listCarts(db: Db, userId: string): Promise<CartSummary[]> {
  const rows = await db
    .select({
      id: carts.id,
      name: carts.name,
      status: carts.status,
      isActive: carts.isActive,
      updatedAt: carts.updatedAt,
      lines: sql<number>`(select count(*)::int from cart_lines where cart_lines.cart_id = "carts"."id")`,
    })
    .from(carts)
    .where(and(eq(carts.userId, userId), sql`${carts.status} <> 'ordered'`))
    .orderBy(desc(carts.isActive), desc(carts.updatedAt), asc(carts.name));
  return rows;
}

/** Loads a cart of this buyer or throws NOT_FOUND (another buyer's cart is not found either). */
export async function ownCart(db: Db, userId: string, cartId: string) {
  const [cart] = await db.select().from(carts).where(and(eq(carts.id, cartId), eq(carts.userId, userId)));
  if (!cart || cart.status === "ordered") throw notFound("Cart");
  return cart;
}

/** The active cart, created ("Main cart") when the buyer has none. */
export async function activeCart(db: Db, userId: string, defaultName = "Main cart") {
  const [cart] = await db.select().from(carts).where(and(eq(carts.userId, userId), eq(carts.isActive, true)));
  if (cart) return cart;
  return createCart(db, userId, defaultName);
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badInput("Name is required", "name");
  if (trimmed.length > 80) throw badInput("Name: at most 80 characters", "name");
  return trimmed;
}

/** Creates a cart and makes it the active one. */
export async function createCart(db: Db, userId: string, name: string) {
  const clean = cleanName(name);
  return db.transaction(async (tx) => {
    await tx.update(carts).set({ isActive: false }).where(and(eq(carts.userId, userId), eq(carts.isActive, true)));
    const [cart] = await tx.insert(carts).values({ userId, name: clean, isActive: true, status: "open" }).returning();
    return cart!;
  });
}

/** Makes a cart the active one; a saved cart is restored (open again). */
export async function switchCart(db: Db, userId: string, cartId: string) {
  await ownCart(db, userId, cartId);
  return db.transaction(async (tx) => {
    await tx.update(carts).set({ isActive: false }).where(and(eq(carts.userId, userId), eq(carts.isActive, true)));
    const [cart] = await tx.update(carts).set({ isActive: true, status: "open", updatedAt: new Date() }).where(eq(carts.id, cartId)).returning();
    return cart!;
  });
}

export async function renameCart(db: Db, userId: string, cartId: string, name: string) {
  await ownCart(db, userId, cartId);
  const [cart] = await db.update(carts).set({ name: cleanName(name), updatedAt: new Date() }).where(eq(carts.id, cartId)).returning();
  return cart!;
}

/** Puts a cart aside ("saved cart"); it stops being the active one. */
export async function saveCart(db: Db, userId: string, cartId: string) {
  await ownCart(db, userId, cartId);
  const [cart] = await db.update(carts).set({ status: "saved", isActive: false, updatedAt: new Date() }).where(eq(carts.id, cartId)).returning();
  return cart!;
}

export async function deleteCart(db: Db, userId: string, cartId: string) {
  await ownCart(db, userId, cartId);
  await db.delete(carts).where(eq(carts.id, cartId));
  return { id: cartId };
}
