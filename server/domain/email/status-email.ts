/**
 * The customer e-mail sent after an order's status changes: the built-in texts (the admin may
 * replace them per status and language), the placeholders they may use, and the rendering of a
 * filled template into the HTML and plain-text parts of the mail.
 *
 * Pure data and functions only: the admin's template editor imports this module in the browser,
 * so the React renderer and the layout are loaded lazily, on the server, by renderStatusEmail.
 */
import type { PostalAddress } from "../../../db/schema/orders";
import { currencyExponent, fromMinorUnits } from "../money/money";
import type { OrderStatus } from "../orders/order-statuses";

export type EmailLocale = "en" | "ru";

/** Russian for a language or locale that says so ("ru", "RUS", "ru-RU", "ru_UA"), else English. */
export function emailLocaleOf(orderLanguage: string | null, orderLocale: string | null): EmailLocale {
  const isRussian = (value: string | null) => value !== null && /^ru/i.test(value.trim());
  return isRussian(orderLanguage) || isRussian(orderLocale) ? "ru" : "en";
}

/** Every order status except Call Center: the customer gets no mail when an operator takes the order. */
export const EMAIL_STATUSES = [
  "pending",
  "approved",
  "declined",
  "cancelled",
  "packed",
  "shipped",
  "reshipped",
  "delivered",
  "refunded",
  "chargeback",
  "closed",
] as const satisfies readonly OrderStatus[];
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

// Compile-time: a new order status fails here until it is given an e-mail (or excluded above).
const _everyStatusHasAnEmail: [Exclude<OrderStatus, "call_center" | EmailStatus>] extends [never] ? true : never = true;

/** Statuses whose e-mail shows the tracking box (when the order has a tracking number). */
const TRACKING_STATUSES: readonly EmailStatus[] = ["shipped", "reshipped", "delivered"];

export interface EmailTemplateText {
  subject: string;
  body: string;
}

export const PLACEHOLDERS: ReadonlyArray<{ key: string; description: { en: string; ru: string } }> = [
  { key: "first_name", description: { en: "Customer's first name", ru: "Имя покупателя" } },
  { key: "last_name", description: { en: "Customer's last name", ru: "Фамилия покупателя" } },
  { key: "shop_order_id", description: { en: "Order number in the shop", ru: "Номер заказа в магазине" } },
  { key: "shop_domain", description: { en: "Shop website", ru: "Сайт магазина" } },
  { key: "total", description: { en: "Order total with currency", ru: "Сумма заказа с валютой" } },
  { key: "tracking_number", description: { en: "Parcel tracking number", ru: "Трек-номер посылки" } },
  { key: "carrier", description: { en: "Delivery service", ru: "Служба доставки" } },
  { key: "tracking_url", description: { en: "Link to track the parcel", ru: "Ссылка для отслеживания посылки" } },
];

export const DEFAULT_TEMPLATES: Record<EmailStatus, Record<EmailLocale, EmailTemplateText>> = {
  pending: {
    en: {
      subject: "We've received your order {{shop_order_id}}",
      body: [
        "Hi {{first_name}},",
        "Thank you for your order at {{shop_domain}}! We've received it and are now confirming your payment of {{total}}.",
        "We'll e-mail you again as soon as the payment is confirmed. There's nothing else you need to do for now.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Мы получили ваш заказ {{shop_order_id}}",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Спасибо за заказ в магазине {{shop_domain}}! Мы его получили и сейчас подтверждаем оплату на сумму {{total}}.",
        "Как только оплата пройдёт, мы сразу вам напишем. Пока от вас ничего не требуется.",
      ].join("\n\n"),
    },
  },
  approved: {
    en: {
      subject: "Payment received: order {{shop_order_id}} is confirmed",
      body: [
        "Hi {{first_name}},",
        "Good news: we've received your payment of {{total}}, and your order {{shop_order_id}} is confirmed.",
        "We're now preparing your parcel. As soon as it's on its way, we'll send you the tracking number.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Заказ {{shop_order_id}} оплачен",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Отличные новости: мы получили оплату {{total}}, ваш заказ {{shop_order_id}} подтверждён.",
        "Мы уже готовим посылку к отправке. Как только она будет в пути, пришлём вам трек-номер.",
      ].join("\n\n"),
    },
  },
  declined: {
    en: {
      subject: "Payment for order {{shop_order_id}} didn't go through",
      body: [
        "Hi {{first_name}},",
        "Unfortunately, your payment of {{total}} for order {{shop_order_id}} was declined, so the order hasn't been completed yet.",
        "This usually happens because of a bank limit or a typo in the card details. Please try again at {{shop_domain}}, with the same card or another payment method.",
        "If you need a hand, contact our support team at {{shop_domain}} — we'll be glad to help.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Оплата заказа {{shop_order_id}} не прошла",
      body: [
        "Здравствуйте, {{first_name}}!",
        "К сожалению, платёж на сумму {{total}} по заказу {{shop_order_id}} был отклонён, поэтому заказ пока не оформлен.",
        "Чаще всего причина — лимит банка или опечатка в данных карты. Пожалуйста, попробуйте ещё раз на сайте {{shop_domain}} — с той же картой или другим способом оплаты.",
        "Если нужна помощь, напишите в нашу службу поддержки на {{shop_domain}} — мы с радостью поможем.",
      ].join("\n\n"),
    },
  },
  cancelled: {
    en: {
      subject: "Your order {{shop_order_id}} has been cancelled",
      body: [
        "Hi {{first_name}},",
        "As you asked, your order {{shop_order_id}} has been cancelled.",
        "If this was a mistake or you have any questions, please contact our support team at {{shop_domain}} — we'll be happy to help.",
        "We hope to see you again soon!",
      ].join("\n\n"),
    },
    ru: {
      subject: "Ваш заказ {{shop_order_id}} отменён",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Как вы и просили, ваш заказ {{shop_order_id}} отменён.",
        "Если это ошибка или у вас есть вопросы, напишите в нашу службу поддержки на {{shop_domain}} — мы с радостью поможем.",
        "Будем рады видеть вас снова!",
      ].join("\n\n"),
    },
  },
  packed: {
    en: {
      subject: "Your order {{shop_order_id}} is packed",
      body: [
        "Hi {{first_name}},",
        "Your order {{shop_order_id}} has been packed and handed over to our shipping partner.",
        "It will be on its way very soon. We'll send you the tracking number as soon as the parcel is dispatched.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Ваш заказ {{shop_order_id}} упакован",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Ваш заказ {{shop_order_id}} упакован и передан в службу доставки.",
        "Совсем скоро он отправится в путь. Как только посылка будет отправлена, мы пришлём вам трек-номер.",
      ].join("\n\n"),
    },
  },
  shipped: {
    en: {
      subject: "Your order {{shop_order_id}} is on its way",
      body: [
        "Hi {{first_name}},",
        "Great news: your order {{shop_order_id}} has been shipped!",
        "Your tracking number is {{tracking_number}}. Use the button below to follow your parcel; tracking updates may take 1–3 days to appear.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Ваш заказ {{shop_order_id}} отправлен",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Отличные новости: ваш заказ {{shop_order_id}} отправлен!",
        "Трек-номер вашей посылки: {{tracking_number}}. Следить за ней можно по кнопке ниже; информация об отслеживании может появиться в течение 1–3 дней.",
      ].join("\n\n"),
    },
  },
  reshipped: {
    en: {
      subject: "We've sent your order {{shop_order_id}} again",
      body: [
        "Hi {{first_name}},",
        "We're sorry your first parcel didn't reach you. We've sent your order {{shop_order_id}} again, at no extra cost to you.",
        "Your new tracking number is {{tracking_number}}. Use the button below to follow your parcel; tracking updates may take 1–3 days to appear.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Мы повторно отправили ваш заказ {{shop_order_id}}",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Нам очень жаль, что первая посылка до вас не дошла. Мы отправили заказ {{shop_order_id}} повторно — бесплатно для вас.",
        "Новый трек-номер: {{tracking_number}}. Следить за посылкой можно по кнопке ниже; информация об отслеживании может появиться в течение 1–3 дней.",
      ].join("\n\n"),
    },
  },
  delivered: {
    en: {
      subject: "Your order {{shop_order_id}} has been delivered",
      body: [
        "Hi {{first_name}},",
        "Your order {{shop_order_id}} has been delivered. We hope you enjoy your purchase!",
        "If anything is wrong with your order, please contact our support team at {{shop_domain}} and we'll put it right.",
        "Thank you for shopping with us.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Ваш заказ {{shop_order_id}} доставлен",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Ваш заказ {{shop_order_id}} доставлен. Надеемся, покупка вам понравится!",
        "Если с заказом что-то не так, напишите в нашу службу поддержки на {{shop_domain}} — мы всё исправим.",
        "Спасибо, что выбрали нас.",
      ].join("\n\n"),
    },
  },
  refunded: {
    en: {
      subject: "Your refund for order {{shop_order_id}}",
      body: [
        "Hi {{first_name}},",
        "We've refunded {{total}} for your order {{shop_order_id}} to your original payment method.",
        "Depending on your bank, it may take 5–10 business days for the money to appear on your statement.",
        "If you have any questions, our support team at {{shop_domain}} is happy to help.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Возврат средств по заказу {{shop_order_id}}",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Мы вернули {{total}} за заказ {{shop_order_id}} тем же способом, которым вы оплачивали.",
        "В зависимости от банка деньги поступят на ваш счёт в течение 5–10 рабочих дней.",
        "Если у вас есть вопросы, наша служба поддержки на {{shop_domain}} с радостью поможет.",
      ].join("\n\n"),
    },
  },
  chargeback: {
    en: {
      subject: "Payment for order {{shop_order_id}} was disputed",
      body: [
        "Hi {{first_name}},",
        "Your bank has let us know that the payment of {{total}} for order {{shop_order_id}} was disputed, and the amount has been returned to you as a chargeback. The order has been stopped.",
        "If you didn't mean to dispute it, or you don't recognise this, please contact us at {{shop_domain}} — we'll gladly sort it out together.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Платёж по заказу {{shop_order_id}} оспорен",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Ваш банк сообщил нам, что платёж на сумму {{total}} по заказу {{shop_order_id}} был оспорен и сумма возвращена вам (чарджбэк). Заказ остановлен.",
        "Если вы не собирались оспаривать платёж или не понимаете, о чём речь, напишите нам на {{shop_domain}} — мы вместе во всём разберёмся.",
      ].join("\n\n"),
    },
  },
  closed: {
    en: {
      subject: "Your order {{shop_order_id}} has been closed",
      body: [
        "Hi {{first_name}},",
        "We couldn't complete the payment for your order {{shop_order_id}} and weren't able to reach you, so we've closed the order.",
        "If you'd still like it, you're welcome to place a new order at {{shop_domain}} or contact our support team — we'll be happy to help.",
      ].join("\n\n"),
    },
    ru: {
      subject: "Ваш заказ {{shop_order_id}} закрыт",
      body: [
        "Здравствуйте, {{first_name}}!",
        "Нам не удалось завершить оплату заказа {{shop_order_id}} и связаться с вами, поэтому заказ закрыт.",
        "Если он вам ещё нужен, оформите новый заказ на {{shop_domain}} или напишите в нашу службу поддержки — мы с радостью поможем.",
      ].join("\n\n"),
    },
  },
};

export interface StatusEmailItem {
  name: string;
  option: string | null;
  optionValue: string | null;
  bonus: string | null;
  quantity: number;
  lineTotalMinor: number;
}

export interface StatusEmailData {
  status: EmailStatus;
  locale: EmailLocale;
  firstName: string;
  lastName: string;
  shopDomain: string;
  shopOrderId: string;
  currency: string;
  items: StatusEmailItem[];
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  totalMinor: number;
  shippingAddress: PostalAddress;
  trackingNumber: string | null;
  carrier: string | null;
  trackingUrl: string | null;
}

/** "€14.95" / "14,95 €" from minor units, with the currency's own number of decimals. */
export function formatMoney(minor: number, currency: string, locale: EmailLocale): string {
  const exponent = currencyExponent(currency);
  const amount = Number(fromMinorUnits(minor, currency));
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.toUpperCase(),
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    }).format(amount);
  } catch {
    // Not an ISO code Intl knows: the number in the locale's style, then the code as sent.
    const number = new Intl.NumberFormat(locale, { minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(amount);
    return `${number} ${currency}`;
  }
}

function placeholderValues(data: StatusEmailData): Record<string, string> {
  return {
    first_name: data.firstName,
    last_name: data.lastName,
    shop_order_id: data.shopOrderId,
    shop_domain: data.shopDomain,
    total: formatMoney(data.totalMinor, data.currency, data.locale),
    tracking_number: data.trackingNumber ?? "",
    carrier: data.carrier ?? "",
    tracking_url: data.trackingUrl ?? "",
  };
}

/**
 * Replaces {{key}} (spaces inside the braces allowed) with the order's values, as plain text;
 * an unknown key stays as written so a typo shows up in the preview instead of vanishing.
 */
export function fillPlaceholders(text: string, data: StatusEmailData): string {
  const values = placeholderValues(data);
  return text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (match, key: string) => {
    const value = values[key.toLowerCase()];
    return value === undefined ? match : value;
  });
}

/** Paragraphs are separated by a blank line; single line breaks inside one are kept. */
function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim() !== "");
}

function previewOf(paragraphs: string[]): string {
  // The greeting alone says little in the inbox list: start at the first real sentence.
  const useful = paragraphs.length > 1 && paragraphs[0]!.length < 40 ? paragraphs.slice(1) : paragraphs;
  const text = useful.join(" ").replace(/\s+/g, " ").trim();
  return text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text;
}

// The text part: an item's name, option and bonus stay together, items line up in columns.
const PLAIN_TEXT_OPTIONS = {
  selectors: [
    { selector: "p.email-cell", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "table.email-items", format: "dataTable", options: { rowSpacing: 1, colSpacing: 3 } },
  ],
};

/** Fills the template with the order's data and renders the mail's HTML and plain-text parts. */
export async function renderStatusEmail(template: EmailTemplateText, data: StatusEmailData): Promise<{ subject: string; html: string; text: string }> {
  const [{ createElement }, { render }, { OrderStatusEmail }] = await Promise.all([
    import("react"),
    import("@react-email/render"),
    import("../../../emails/order-status-email"),
  ]);
  const subject = fillPlaceholders(template.subject, data).replace(/\s+/g, " ").trim();
  const paragraphs = paragraphsOf(fillPlaceholders(template.body, data));
  const showTracking = data.trackingNumber !== null && data.trackingNumber !== "" && TRACKING_STATUSES.includes(data.status);
  const element = createElement(OrderStatusEmail, {
    locale: data.locale,
    subject,
    preview: previewOf(paragraphs),
    paragraphs,
    shopDomain: data.shopDomain,
    shopOrderId: data.shopOrderId,
    customerName: `${data.firstName} ${data.lastName}`.trim(),
    currency: data.currency,
    items: data.items,
    subtotalMinor: data.subtotalMinor,
    discountMinor: data.discountMinor,
    shippingMinor: data.shippingMinor,
    insuranceMinor: data.insuranceMinor,
    totalMinor: data.totalMinor,
    shippingAddress: data.shippingAddress,
    trackingNumber: showTracking ? data.trackingNumber : null,
    carrier: showTracking ? data.carrier : null,
    trackingUrl: showTracking && data.trackingNumber ? (data.trackingUrl ?? trackingUrlFor(data.trackingNumber)) : null,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true, htmlToTextOptions: PLAIN_TEXT_OPTIONS })]);
  return { subject, html, text };
}

/** A carrier-independent tracking page (17TRACK recognises the carrier from the number). */
export function trackingUrlFor(trackingNumber: string): string {
  return `https://t.17track.net/en#nums=${encodeURIComponent(trackingNumber.trim())}`;
}

/** Realistic data for the admin's live preview: the seed's VITAMIN B order, in euros. */
export function sampleStatusEmailData(status: EmailStatus, locale: EmailLocale): StatusEmailData {
  const trackingNumber = TRACKING_STATUSES.includes(status) ? (status === "reshipped" ? "RR987654321DE" : "RR123456785DE") : null;
  const customer =
    locale === "ru"
      ? { firstName: "Анна", lastName: "Смирнова", shippingAddress: { country: "LV", state: "XX", city: "Рига", zip: "LV-1010", address: "ул. Бривибас, 45", address2: "кв. 12" } }
      : { firstName: "Emma", lastName: "Parker", shippingAddress: { country: "DE", state: "XX", city: "Berlin", zip: "10117", address: "Friedrichstraße 123", address2: "Apartment 4B" } };
  return {
    status,
    locale,
    ...customer,
    shopDomain: "site.com",
    shopOrderId: "HFT677875",
    currency: "EUR",
    items: [
      { name: "VITAMIN B", option: "20 mg", optionValue: "30 pills", bonus: "4 pills", quantity: 1, lineTotalMinor: 2000 },
      { name: "OMEGA-3", option: "1000 mg", optionValue: "60 capsules", bonus: null, quantity: 2, lineTotalMinor: 2500 },
    ],
    subtotalMinor: 4500,
    discountMinor: 500,
    shippingMinor: 1495,
    insuranceMinor: 495,
    totalMinor: 5990,
    trackingNumber,
    carrier: trackingNumber ? "Deutsche Post" : null,
    trackingUrl: trackingNumber ? trackingUrlFor(trackingNumber) : null,
  };
}
