import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { regionManagers, regions, users } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { assertMayAssignTo, type CompanyActor } from "../companies/company-scope";
import { badInput } from "../errors";

/** The default manager of a region, or null (no region, or nobody covers it). */
export async function regionManagerOf(db: Pick<Db, "select">, regionId: string | null): Promise<string | null> {
  if (!regionId) return null;
  const [row] = await db.select({ managerId: regionManagers.managerId }).from(regionManagers).where(eq(regionManagers.regionId, regionId)).limit(1);
  return row?.managerId ?? null;
}

/** Every region with its default manager (if any). */
export async function listRegionManagers(db: Db) {
  return db
    .select({ regionId: regions.id, regionName: regions.name, managerId: regionManagers.managerId, managerName: users.name })
    .from(regions)
    .leftJoin(regionManagers, eq(regionManagers.regionId, regions.id))
    .leftJoin(users, eq(users.id, regionManagers.managerId))
    .orderBy(asc(regions.name));
}

export const setRegionManagerSchema = z.object({ regionId: z.uuid(), managerId: z.uuid().nullable() });

/** Makes a manager the region's default (null: nobody). A head of managers chooses within his team. */
export async function setRegionManager(db: Db, actor: CompanyActor, rawInput: z.input<typeof setRegionManagerSchema>): Promise<void> {
  const input = setRegionManagerSchema.parse(rawInput);
  await assertMayAssignTo(db, actor, input.managerId);
  if (input.managerId) {
    const [manager] = await db.select({ role: users.role, isActive: users.isActive }).from(users).where(eq(users.id, input.managerId));
    if (!manager || !manager.isActive || (manager.role !== "manager" && manager.role !== "head_manager")) throw badInput("Choose an active manager", "managerId");
  }
  await db.transaction(async (tx) => {
    const before = await regionManagerOf(tx, input.regionId);
    if (input.managerId) {
      await tx
        .insert(regionManagers)
        .values({ regionId: input.regionId, managerId: input.managerId })
        .onConflictDoUpdate({ target: regionManagers.regionId, set: { managerId: input.managerId, updatedAt: new Date() } });
    } else {
      await tx.delete(regionManagers).where(eq(regionManagers.regionId, input.regionId));
    }
    await recordAudit(tx, { actorId: actor.id, action: "region.manager", targetType: "region", targetId: input.regionId, details: { before: { managerId: before }, after: { managerId: input.managerId } }, ip: actor.ip });
  });
}
