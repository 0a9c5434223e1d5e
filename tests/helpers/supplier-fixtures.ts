import type { Db } from "@/db/client";
import { supplierMembers, suppliers } from "@/db/schema";

let innSeq = 0;

/** An approved supplier organisation with the given user as its owner (the cabinet scope of a supplier login). */
export async function makeApprovedSupplier(db: Db, ownerId: string, name = `ООО «Поставщик ${innSeq + 1}»`) {
  innSeq += 1;
  const [supplier] = await db
    .insert(suppliers)
    .values({ name, inn: String(5000000000 + innSeq * 7919 + Math.floor(Math.random() * 1000)), kpp: "500101001", status: "approved", reviewedAt: new Date() })
    .returning();
  await db.insert(supplierMembers).values({ userId: ownerId, supplierId: supplier!.id, isOwner: true });
  return supplier!;
}
