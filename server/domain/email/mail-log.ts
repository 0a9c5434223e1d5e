import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { mailMessages, orders } from "../../../db/schema";
import { notFound } from "../errors";
import { orderScope, type ScopedUser } from "../orders/order-scope";

export interface MailLogQuery {
  search?: string;
  status?: (typeof mailMessages.$inferSelect)["status"];
  page: number;
  pageSize: number;
}

/**
 * The mail log (and the local mailbox), limited to the mail of orders the user may see. Mail of no
 * order (notifications, applicants' decisions, questions to managers) is seen by those with no
 * order scope (admin, director): a scope condition on the missing order row is never true.
 */
export async function listMail(db: Db, user: ScopedUser, query: MailLogQuery) {
  const conditions: SQL[] = [];
  const scope = await orderScope(db, user);
  if (scope) conditions.push(scope);
  if (query.status) conditions.push(eq(mailMessages.status, query.status));
  if (query.search) {
    const pattern = `%${query.search.replace(/[%_\\]/g, "\\$&")}%`;
    const match = or(ilike(mailMessages.toAddress, pattern), ilike(mailMessages.subject, pattern), ilike(orders.shopOrderId, pattern));
    if (match) conditions.push(match);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: mailMessages.id,
        orderId: mailMessages.orderId,
        shopOrderId: orders.shopOrderId,
        kind: mailMessages.kind,
        toAddress: mailMessages.toAddress,
        subject: mailMessages.subject,
        status: mailMessages.status,
        transport: mailMessages.transport,
        error: mailMessages.error,
        attempts: mailMessages.attempts,
        createdAt: mailMessages.createdAt,
        sentAt: mailMessages.sentAt,
      })
      .from(mailMessages)
      .leftJoin(orders, eq(orders.id, mailMessages.orderId))
      .where(where)
      .orderBy(desc(mailMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(mailMessages).leftJoin(orders, eq(orders.id, mailMessages.orderId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getMail(db: Db, user: ScopedUser, id: number) {
  const scope = await orderScope(db, user);
  const [row] = await db
    .select({ mail: mailMessages })
    .from(mailMessages)
    .leftJoin(orders, eq(orders.id, mailMessages.orderId))
    .where(scope ? and(eq(mailMessages.id, id), scope) : eq(mailMessages.id, id))
    .limit(1);
  if (!row) throw notFound("Message");
  return row.mail;
}
