import { and, asc, gt, inArray, lte } from "drizzle-orm";
import iconv from "iconv-lite";
import type { Db } from "../../../db/client";
import { orderItems, orders, productVariants, type PostalAddress } from "../../../db/schema";
import { fromMinorUnits } from "../money/money";
import { getSetting } from "../settings/settings";

/** Orders per sale query; the rest follow on the next one (the mark moves to the last exported). */
export const EXPORT_LIMIT = 2_000;

const STATUS_RU: Record<string, string> = {
  pending: "Новый", approved: "Оплачен", declined: "Отклонён", cancelled: "Отменён", call_center: "Колл-центр", packed: "Собран",
  shipped: "Отгружен", reshipped: "Отправлен повторно", delivered: "Доставлен", refunded: "Возврат", chargeback: "Чарджбэк", closed: "Закрыт",
};

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const el = (name: string, value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? `<${name}/>` : `<${name}>${escapeXml(String(value))}</${name}>`);
const requisite = (name: string, value: string) => `<ЗначениеРеквизита>${el("Наименование", name)}${el("Значение", value)}</ЗначениеРеквизита>`;
const address = (a: PostalAddress) => [a.zip, a.country, a.state, a.city, a.address, a.address2].filter(Boolean).join(", ");

export interface OrdersExport {
  body: Buffer;
  contentType: string;
  count: number;
  orders: { id: string; number: number }[];
  /** updated_at of the last exported order: the next mark once 1C confirms with `success`. */
  until: Date | null;
}

/**
 * Orders new or changed since the last confirmed export, as a CommerceML 2 documents file
 * (schema 2.08, one <Документ> per order, its customer as the counterparty, lines with the 1C
 * id of the variant where the SKU is known, status requisites 1C reads back).
 */
export async function exportOrders(db: Db, now = new Date()): Promise<OrdersExport> {
  const mark = await getSetting(db, "exchange.ordersExportedUntil");
  const encoding = await getSetting(db, "exchange.ordersEncoding");
  const rows = await db
    .select()
    .from(orders)
    .where(and(mark ? gt(orders.updatedAt, new Date(mark)) : undefined, lte(orders.updatedAt, now)))
    .orderBy(asc(orders.updatedAt), asc(orders.number))
    .limit(EXPORT_LIMIT);
  const items = rows.length ? await db.select().from(orderItems).where(inArray(orderItems.orderId, rows.map((r) => r.id))).orderBy(asc(orderItems.orderId), asc(orderItems.position)) : [];
  const skus = [...new Set(items.map((i) => i.sku))];
  const variants = skus.length ? await db.select({ sku: productVariants.sku, erpId: productVariants.erpId }).from(productVariants).where(inArray(productVariants.sku, skus)) : [];
  const erpBySku = new Map(variants.map((v) => [v.sku, v.erpId]));
  const itemsByOrder = new Map<string, typeof items>();
  for (const item of items) itemsByOrder.set(item.orderId, [...(itemsByOrder.get(item.orderId) ?? []), item]);

  const parts: string[] = [
    `<?xml version="1.0" encoding="${encoding === "windows-1251" ? "windows-1251" : "UTF-8"}"?>`,
    `<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.08" ДатаФормирования="${now.toISOString().slice(0, 19)}">`,
  ];
  for (const order of rows) {
    const money = (minor: number) => fromMinorUnits(minor, order.currency);
    const created = order.createdAt.toISOString();
    const lines = (itemsByOrder.get(order.id) ?? []).map(
      (i) =>
        `<Товар>${el("Ид", erpBySku.get(i.sku) ?? i.sku)}${el("Артикул", i.sku)}${el("Наименование", i.name)}` +
        `<БазоваяЕдиница Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница>` +
        `${el("ЦенаЗаЕдиницу", money(i.priceMinor))}${el("Количество", i.quantity)}${el("Сумма", money(i.lineTotalMinor))}` +
        `<ЗначенияРеквизитов>${requisite("ВидНоменклатуры", "Товар")}${requisite("ТипНоменклатуры", "Товар")}</ЗначенияРеквизитов></Товар>`,
    );
    if (order.shippingMinor > 0) {
      lines.push(
        `<Товар>${el("Ид", "ORDER_DELIVERY")}${el("Наименование", "Доставка заказа")}<БазоваяЕдиница Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница>` +
          `${el("ЦенаЗаЕдиницу", money(order.shippingMinor))}${el("Количество", 1)}${el("Сумма", money(order.shippingMinor))}` +
          `<ЗначенияРеквизитов>${requisite("ВидНоменклатуры", "Услуга")}${requisite("ТипНоменклатуры", "Услуга")}</ЗначенияРеквизитов></Товар>`,
      );
    }
    const fullName = `${order.customerFirstName} ${order.customerLastName}`.trim();
    parts.push(
      `<Документ>${el("Ид", order.id)}${el("Номер", order.number)}${el("Дата", created.slice(0, 10))}${el("Время", created.slice(11, 19))}` +
        `${el("ХозОперация", "Заказ товара")}${el("Роль", "Продавец")}${el("Валюта", order.currency)}${el("Курс", 1)}${el("Сумма", money(order.totalMinor))}` +
        `<Контрагенты><Контрагент>${el("Ид", order.customerId)}${el("Наименование", fullName)}${el("Роль", "Покупатель")}${el("ПолноеНаименование", fullName)}` +
        `${el("Фамилия", order.customerLastName)}${el("Имя", order.customerFirstName)}` +
        `<АдресРегистрации>${el("Представление", address(order.billingAddress))}</АдресРегистрации>` +
        `<Контакты><Контакт>${el("Тип", "Почта")}${el("Значение", order.customerEmail)}</Контакт><Контакт>${el("Тип", "ТелефонРабочий")}${el("Значение", order.customerPhone)}</Контакт></Контакты>` +
        `</Контрагент></Контрагенты>` +
        `${el("Комментарий", `Магазин ${order.shopDomain ?? ""}, заказ ${order.shopOrderId}`)}` +
        (order.discountMinor > 0 ? `<Скидки><Скидка>${el("Наименование", "Скидка")}${el("Сумма", money(order.discountMinor))}${el("УчтеноВСумме", "true")}</Скидка></Скидки>` : "") +
        `<Товары>${lines.join("")}</Товары>` +
        `<ЗначенияРеквизитов>${requisite("Статус заказа", STATUS_RU[order.status] ?? order.status)}${requisite("Статус заказа ИД", order.status)}` +
        `${requisite("Заказ оплачен", order.paidAt ? "true" : "false")}${requisite("Отменен", order.status === "cancelled" ? "true" : "false")}` +
        `${requisite("Адрес доставки", address(order.shippingAddress))}${requisite("Дата изменения статуса", order.updatedAt.toISOString().slice(0, 19).replace("T", " "))}</ЗначенияРеквизитов>` +
        `</Документ>`,
    );
  }
  parts.push(`</КоммерческаяИнформация>`);
  const xml = parts.join("\n");
  const body = encoding === "windows-1251" ? iconv.encode(xml, "win1251") : Buffer.from(xml, "utf8");
  return {
    body,
    contentType: `application/xml; charset=${encoding === "windows-1251" ? "windows-1251" : "utf-8"}`,
    count: rows.length,
    orders: rows.map((r) => ({ id: r.id, number: r.number })),
    until: rows.length ? rows[rows.length - 1]!.updatedAt : null,
  };
}
