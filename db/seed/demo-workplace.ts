import { and, eq, inArray, isNull } from "drizzle-orm";
import { notify } from "../../server/domain/notifications/notify";
import type { Db } from "../client";
import { notifications, regionManagers, regions, users } from "../schema";

/**
 * The workplace's demo: the demo manager covers the first regions (new companies there go to him),
 * and the demo manager and buyer find a few notifications on the bell. Idempotent: regions that
 * have a manager keep him; notifications are written once (the manager's first login sees them).
 */
export async function seedDemoWorkplace(db: Db): Promise<void> {
  const staff = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ["manager@demo.t3crm.local", "head@demo.t3crm.local", "buyer@demo.t3crm.local"]));
  const idOf = (email: string) => staff.find((u) => u.email === email)?.id ?? null;
  const manager = idOf("manager@demo.t3crm.local");
  const head = idOf("head@demo.t3crm.local");
  const buyer = idOf("buyer@demo.t3crm.local");
  if (!manager || !head) return;
  const uncovered = await db
    .select({ id: regions.id })
    .from(regions)
    .leftJoin(regionManagers, eq(regionManagers.regionId, regions.id))
    .where(isNull(regionManagers.regionId))
    .orderBy(regions.name);
  if (uncovered.length > 0) {
    await db
      .insert(regionManagers)
      .values(uncovered.map((r, i) => ({ regionId: r.id, managerId: i % 2 === 0 ? manager : head })))
      .onConflictDoNothing();
  }
  const [already] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, manager), eq(notifications.event, "payment.overdue"))).limit(1);
  if (already) return;
  await db.transaction(async (tx) => {
    await notify(tx, {
      event: "payment.overdue",
      userIds: [manager],
      title: { en: "A client's payment is overdue", ru: "Клиент просрочил оплату" },
      body: { en: "Open the workplace to see the overdue debt.", ru: "Откройте рабочее место, чтобы увидеть просроченный долг." },
      link: "/workplace",
    });
    if (buyer) {
      await notify(tx, {
        event: "order.status_changed",
        userIds: [buyer],
        title: { en: "Your order is confirmed", ru: "Ваш заказ подтверждён" },
        body: { en: "The manager confirmed your latest order.", ru: "Менеджер подтвердил ваш последний заказ." },
        link: "/b2b/orders",
      });
    }
  });
}
