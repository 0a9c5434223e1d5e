import type { PaymentMethod } from "../orders/order-statuses";
import { formatMoney, type EmailLocale } from "./status-email";

/** What the payment-link e-mail says: fixed texts in English and Russian (not edited by admins yet). */
export interface PaymentLinkEmailData {
  locale: EmailLocale;
  firstName: string;
  shopDomain: string;
  shopOrderId: string;
  totalMinor: number;
  currency: string;
  method: PaymentMethod;
  paymentUrl: string;
}

const METHOD_NAMES: Record<EmailLocale, Record<PaymentMethod, string>> = {
  en: { credit_card: "card", paypal: "PayPal", crypto: "cryptocurrency", echeck: "eCheck" },
  ru: { credit_card: "карта", paypal: "PayPal", crypto: "криптовалюта", echeck: "электронный чек" },
};

export function paymentLinkTexts(data: PaymentLinkEmailData) {
  const total = formatMoney(data.totalMinor, data.currency, data.locale);
  const method = METHOD_NAMES[data.locale][data.method];
  const where = data.shopDomain || "our shop";
  if (data.locale === "ru") {
    return {
      subject: `Оплатите заказ ${data.shopOrderId}`,
      paragraphs: [
        `Здравствуйте, ${data.firstName}!`,
        `Ваш заказ ${data.shopOrderId} в магазине ${data.shopDomain || "нашем магазине"} ждёт оплаты: ${total}, способ оплаты — ${method}.`,
        "Нажмите кнопку ниже, чтобы оплатить. Если вы уже оплатили заказ, просто не обращайте внимания на это письмо.",
      ],
      buttonLabel: `Оплатить ${total}`,
      linkHint: "Если кнопка не работает, откройте ссылку:",
      footer: `Вы получили это письмо, потому что оформили заказ в магазине ${data.shopDomain || "нашем магазине"}.`,
    };
  }
  return {
    subject: `Complete the payment for order ${data.shopOrderId}`,
    paragraphs: [
      `Hi ${data.firstName},`,
      `Your order ${data.shopOrderId} at ${where} is waiting for its payment of ${total} by ${method}.`,
      "Use the button below to pay. If you have paid already, you can ignore this e-mail.",
    ],
    buttonLabel: `Pay ${total}`,
    linkHint: "If the button does not work, open this link:",
    footer: `You received this e-mail because you placed an order at ${where}.`,
  };
}

/** The subject and the HTML and plain-text parts; React and the layout load lazily, on the server. */
export async function renderPaymentLinkEmail(data: PaymentLinkEmailData): Promise<{ subject: string; html: string; text: string }> {
  const [{ createElement }, { render }, { PaymentLinkEmail }] = await Promise.all([
    import("react"),
    import("@react-email/render"),
    import("../../../emails/payment-link-email"),
  ]);
  const texts = paymentLinkTexts(data);
  const element = createElement(PaymentLinkEmail, {
    locale: data.locale,
    subject: texts.subject,
    preview: texts.paragraphs[1] ?? texts.subject,
    paragraphs: texts.paragraphs,
    buttonLabel: texts.buttonLabel,
    linkHint: texts.linkHint,
    paymentUrl: data.paymentUrl,
    footer: texts.footer,
  });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: texts.subject, html, text };
}
