import { eq } from "drizzle-orm";
import { b2bOrders, companies, type LocalizedText } from "../../../db/schema";
import type { OrderDocumentKind } from "../b2b-orders/documents";
import type { B2bOrderStatus } from "../b2b-orders/status-flow";
import { formatMinor } from "../money/money";
import { notify } from "./notify";

/**
 * Seed 002's order events (order placed, status changed, documents attached), told to the buyer
 * who placed the order (client audience) and to the company's manager (staff audience); the one
 * who made the change is not told about it, except that a buyer always gets the confirmation of
 * the order placed. Called inside the change's transaction.
 */
type Writer = Parameters<typeof notify>[0];

const STATUS_TEXT: Record<B2bOrderStatus, LocalizedText> = {
  new: { en: "new", ru: "новый" },
  confirmed: { en: "confirmed", ru: "подтверждён" },
  assembling: { en: "being assembled", ru: "собирается" },
  shipped: { en: "shipped", ru: "отгружен" },
  delivered: { en: "delivered", ru: "доставлен" },
  cancelled: { en: "cancelled", ru: "отменён" },
};

const DOCUMENT_TEXT: Record<OrderDocumentKind, LocalizedText> = {
  invoice: { en: "invoice", ru: "счёт" },
  waybill: { en: "waybill", ru: "накладная" },
  upd: { en: "UPD", ru: "УПД" },
  vat_invoice: { en: "VAT invoice", ru: "счёт-фактура" },
  contract: { en: "contract", ru: "договор" },
  other: { en: "document", ru: "документ" },
};

async function orderParties(db: Writer, orderId: string) {
  const [order] = await db
    .select({ number: b2bOrders.number, buyerId: b2bOrders.buyerId, totalMinor: b2bOrders.totalMinor, currency: b2bOrders.currency, companyName: companies.name, managerId: companies.managerId })
    .from(b2bOrders)
    .innerJoin(companies, eq(companies.id, b2bOrders.companyId))
    .where(eq(b2bOrders.id, orderId));
  return order ?? null;
}

const others = (ids: Array<string | null>, actorId: string | null) => ids.filter((id): id is string => Boolean(id) && id !== actorId);

export async function noticeOrderPlaced(db: Writer, orderId: string, actorId: string | null) {
  const order = await orderParties(db, orderId);
  if (!order) return;
  const total = formatMinor(order.totalMinor, order.currency);
  // The confirmation goes to the buyer even when he placed the order himself.
  if (order.buyerId) {
    await notify(db, {
      event: "order.placed", userIds: [order.buyerId],
      title: { en: `Order ${order.number} is placed`, ru: `Заказ ${order.number} оформлен` },
      body: { en: `${total}. We will confirm it shortly.`, ru: `${total}. Мы скоро его подтвердим.` },
      link: `/b2b/orders/${orderId}`,
    });
  }
  const managers = others([order.managerId], actorId);
  if (managers.length) {
    await notify(db, {
      event: "order.placed", userIds: managers,
      title: { en: `New order ${order.number} from ${order.companyName}`, ru: `Новый заказ ${order.number}: ${order.companyName}` },
      body: { en: total, ru: total },
      link: `/b2b-orders/${orderId}`,
    });
  }
}

export async function noticeOrderStatus(db: Writer, orderId: string, to: B2bOrderStatus, actorId: string | null) {
  const order = await orderParties(db, orderId);
  if (!order) return;
  const status = STATUS_TEXT[to];
  const buyers = others([order.buyerId], actorId);
  if (buyers.length) {
    await notify(db, {
      event: "order.status_changed", userIds: buyers,
      title: { en: `Order ${order.number} is ${status.en}`, ru: `Заказ ${order.number} ${status.ru}` },
      link: `/b2b/orders/${orderId}`,
    });
  }
  const managers = others([order.managerId], actorId);
  if (managers.length) {
    await notify(db, {
      event: "order.status_changed", userIds: managers,
      title: { en: `Order ${order.number} (${order.companyName}) is ${status.en}`, ru: `Заказ ${order.number} (${order.companyName}) ${status.ru}` },
      link: `/b2b-orders/${orderId}`,
    });
  }
}

export async function noticeDocumentAttached(db: Writer, orderId: string, document: { kind: OrderDocumentKind; number: string | null; fileName: string }, actorId: string | null) {
  const order = await orderParties(db, orderId);
  if (!order) return;
  const kind = DOCUMENT_TEXT[document.kind];
  const label = document.number ? ` № ${document.number}` : "";
  const buyers = others([order.buyerId], actorId);
  if (!buyers.length) return;
  await notify(db, {
    event: "order.documents_attached", userIds: buyers,
    title: { en: `Order ${order.number}: ${kind.en}${label} attached`, ru: `Заказ ${order.number}: приложен документ «${kind.ru}»${label}` },
    body: { en: document.fileName, ru: document.fileName },
    link: `/b2b/orders/${orderId}`,
  });
}
