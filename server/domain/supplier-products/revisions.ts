import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client";
import { productRevisions, products, type ProductContent } from "../../../db/schema";
import { applyContent } from "./content";

export interface RevisionActor {
  supplierId: string;
  userId: string;
}

/**
 * Sends content to moderation. A published product keeps what buyers see: the content waits as
 * a pending "update" revision (replacing an earlier pending one). A product buyers cannot see
 * yet (new, rejected, draft) takes the content at once and waits as a whole ("create").
 */
export async function submitContent(tx: Tx, actor: RevisionActor, productId: string, content: ProductContent): Promise<"revision" | "direct"> {
  const [product] = await tx.select({ status: products.status }).from(products).where(eq(products.id, productId)).for("update");
  const published = product?.status === "published";
  await tx.delete(productRevisions).where(and(eq(productRevisions.productId, productId), eq(productRevisions.status, "pending")));
  if (!published) {
    await applyContent(tx, productId, content);
    await tx.update(products).set({ status: "on_moderation", updatedAt: new Date() }).where(eq(products.id, productId));
  }
  await tx.insert(productRevisions).values({
    productId,
    supplierId: actor.supplierId,
    kind: published ? "update" : "create",
    proposed: content,
    submittedBy: actor.userId,
  });
  return published ? "revision" : "direct";
}
