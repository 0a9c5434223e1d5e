import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orders } from "../../../db/schema";
import { DomainError } from "../errors";
import { changeOrderStatus } from "../orders/change-status";
import { isOrderStatus, type OrderStatus } from "../orders/order-statuses";
import { child, children, requisites, textOf, type XmlNode } from "../../integrations/commerceml/xml-stream";
import type { ImportContext } from "./import-context";
import { importCounterparty } from "./import-counterparties";

export function saleSelector(path: readonly string[]): string | null {
  return path[path.length - 1] === "Документ" && path.length === 2 ? "document" : null;
}

/** 1C's order requisites → our status, or null when they ask for no change. */
export function statusFrom1c(values: Map<string, string>): OrderStatus | null {
  if (values.get("Отменен") === "true") return "cancelled";
  const text = (values.get("Статус заказа") ?? values.get("Статус") ?? "").trim();
  const lower = text.toLowerCase();
  if (isOrderStatus(lower)) return lower;
  if (/^\[f\]|доставлен|выполнен/.test(lower)) return "delivered";
  if (/отгружен|отправлен/.test(lower)) return "shipped";
  if (/собран|упакован/.test(lower)) return "packed";
  if (/отмен/.test(lower)) return "cancelled";
  if (values.get("Заказ оплачен") === "true" || /оплачен/.test(lower)) return "approved";
  return null;
}

async function findOrder(db: Db, node: XmlNode) {
  const id = textOf(node, "Ид");
  const [byId] = await db.select({ id: orders.id, status: orders.status }).from(orders).where(eq(orders.id, id)).limit(1);
  if (byId) return byId;
  const number = Number(textOf(node, "Номер"));
  if (!Number.isSafeInteger(number) || number <= 0) return undefined;
  const [byNumber] = await db.select({ id: orders.id, status: orders.status }).from(orders).where(eq(orders.number, number)).limit(1);
  return byNumber;
}

/**
 * One document of 1C's sale file: its counterparties go to the companies, its status to the
 * order (through the status machine, in a savepoint: a refused transition is that order's
 * logged error, not the file's).
 */
export async function importSaleDocument(ctx: ImportContext, node: XmlNode): Promise<void> {
  for (const counterparty of children(child(node, "Контрагенты"), "Контрагент")) await importCounterparty(ctx, counterparty);
  const counts = ctx.count("orders");
  counts.total += 1;
  const operation = textOf(node, "ХозОперация");
  const base = { category: "orders" as const, entity: "order", externalId: textOf(node, "Ид") || null, label: textOf(node, "Номер") || null };
  if (operation && operation !== "Заказ товара") {
    ctx.log({ ...base, status: "skipped", message: `Документ «${operation}» не заказ` });
    return;
  }
  const order = await findOrder(ctx.tx, node);
  if (!order) {
    ctx.log({ ...base, status: "error", message: "Заказ не найден на сайте" });
    return;
  }
  const target = statusFrom1c(requisites(node));
  if (!target || target === order.status) {
    ctx.log({ ...base, externalId: order.id, status: "done", message: "Без изменений" });
    return;
  }
  try {
    await changeOrderStatus(ctx.tx, { type: "system", name: "1C exchange" }, order.id, target, { note: "Статус из 1С" });
    counts.updated += 1;
    ctx.log({ ...base, externalId: order.id, status: "done", message: `${order.status} → ${target}` });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    ctx.log({ ...base, externalId: order.id, status: "error", message: error.message });
  }
}
