import { describe, expect, it } from "vitest";
import {
  DEFAULT_TEMPLATES,
  EMAIL_STATUSES,
  emailLocaleOf,
  fillPlaceholders,
  PLACEHOLDERS,
  renderStatusEmail,
  sampleStatusEmailData,
  trackingUrlFor,
  type EmailLocale,
  type StatusEmailData,
} from "@/server/domain/email/status-email";
import { ORDER_STATUSES } from "@/server/domain/orders/order-statuses";

const LOCALES: EmailLocale[] = ["en", "ru"];

function data(overrides: Partial<StatusEmailData> = {}): StatusEmailData {
  return { ...sampleStatusEmailData("approved", "en"), ...overrides };
}

describe("status e-mail templates", () => {
  it("has a subject and a body for every status except Call Center, in both languages", () => {
    expect([...EMAIL_STATUSES].sort()).toEqual(ORDER_STATUSES.filter((s) => s !== "call_center").sort());
    for (const status of EMAIL_STATUSES) {
      for (const locale of LOCALES) {
        const template = DEFAULT_TEMPLATES[status][locale];
        expect(template.subject.trim(), `${status}/${locale} subject`).not.toBe("");
        expect(template.body.trim(), `${status}/${locale} body`).not.toBe("");
        expect(template.body, `${status}/${locale} has paragraphs`).toContain("\n\n");
      }
    }
  });

  it("mentions the tracking number when shipped or reshipped, and the amount when refunded or charged back", () => {
    for (const locale of LOCALES) {
      for (const status of ["shipped", "reshipped"] as const) expect(DEFAULT_TEMPLATES[status][locale].body).toContain("{{tracking_number}}");
      for (const status of ["refunded", "chargeback"] as const) expect(DEFAULT_TEMPLATES[status][locale].body).toContain("{{total}}");
    }
  });

  it("uses only placeholders it documents", () => {
    const known = new Set(PLACEHOLDERS.map((p) => p.key));
    for (const status of EMAIL_STATUSES) {
      for (const locale of LOCALES) {
        const { subject, body } = DEFAULT_TEMPLATES[status][locale];
        for (const [, key] of `${subject} ${body}`.matchAll(/\{\{(\w+)\}\}/g)) expect(known.has(key ?? ""), `${status}/${locale}: ${key}`).toBe(true);
      }
    }
  });

  it("renders every default template on sample data without leftover placeholders", async () => {
    for (const status of EMAIL_STATUSES) {
      for (const locale of LOCALES) {
        const mail = await renderStatusEmail(DEFAULT_TEMPLATES[status][locale], sampleStatusEmailData(status, locale));
        expect(mail.subject).toContain("HFT677875");
        expect(mail.html).not.toContain("{{");
        expect(mail.text).not.toContain("{{");
        expect(mail.text).toContain("VITAMIN B");
      }
    }
  });
});

describe("emailLocaleOf", () => {
  it("picks Russian from the order's language or locale, else English", () => {
    expect(emailLocaleOf("RUS", null)).toBe("ru");
    expect(emailLocaleOf("ru", null)).toBe("ru");
    expect(emailLocaleOf(null, "ru-RU")).toBe("ru");
    expect(emailLocaleOf("ENG", "ru_UA")).toBe("ru");
    expect(emailLocaleOf("ENG", "en-US")).toBe("en");
    expect(emailLocaleOf(null, null)).toBe("en");
    expect(emailLocaleOf("DEU", "")).toBe("en");
  });
});

describe("fillPlaceholders", () => {
  it("fills the order's values and keeps an unknown placeholder as written", () => {
    const filled = fillPlaceholders("{{first_name}} {{ last_name }}: {{shop_order_id}} at {{shop_domain}}, {{total}}, {{coupon_code}}", data());
    expect(filled).toBe("Emma Parker: HFT677875 at site.com, €59.90, {{coupon_code}}");
  });

  it("fills tracking values, and leaves them empty when the order has none", () => {
    const shipped = sampleStatusEmailData("shipped", "en");
    expect(fillPlaceholders("{{tracking_number}} {{carrier}} {{tracking_url}}", shipped)).toBe(
      `RR123456785DE Deutsche Post ${trackingUrlFor("RR123456785DE")}`,
    );
    expect(fillPlaceholders("[{{tracking_number}}]", data())).toBe("[]");
  });
});

describe("renderStatusEmail", () => {
  it("puts the tracking number and the tracking link in both parts of the Shipped e-mail", async () => {
    const sample = sampleStatusEmailData("shipped", "en");
    const mail = await renderStatusEmail(DEFAULT_TEMPLATES.shipped.en, sample);
    const url = trackingUrlFor("RR123456785DE");
    expect(url).toBe("https://t.17track.net/en#nums=RR123456785DE");
    expect(mail.subject).toBe("Your order HFT677875 is on its way");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("RR123456785DE");
      expect(part).toContain(url);
      expect(part).toContain("Track your parcel");
      expect(part).toContain("Deutsche Post");
    }
    expect(mail.html).toContain(`href="${url}"`);
  });

  it("shows no tracking box before the parcel is shipped", async () => {
    const mail = await renderStatusEmail(DEFAULT_TEMPLATES.approved.en, data({ trackingNumber: "RR123456785DE", trackingUrl: trackingUrlFor("RR123456785DE") }));
    expect(mail.html).not.toContain("Track your parcel");
  });

  it("uses Russian labels in a Russian e-mail", async () => {
    const mail = await renderStatusEmail(DEFAULT_TEMPLATES.shipped.ru, sampleStatusEmailData("shipped", "ru"));
    for (const label of ["Ваш заказ", "Товары", "Скидка", "Доставка", "Страховка", "Итого", "Адрес доставки", "Отследить посылку", "Трек-номер", "Служба доставки", "в магазине site.com", "в подарок"]) {
      expect(mail.html, label).toContain(label);
    }
    expect(mail.html).toContain('lang="ru"');
    expect(mail.html).not.toContain("Order summary");
    expect(mail.html).not.toContain("Subtotal");
    expect(mail.text).toContain("Итого");
  });

  it("lists the items with option, bonus, quantity and totals in the order's currency", async () => {
    const mail = await renderStatusEmail(DEFAULT_TEMPLATES.approved.en, data());
    for (const part of ["VITAMIN B", "20 mg · 30 pills", "+ 4 pills bonus", "× 1", "€20.00", "€45.00", "-€5.00", "€14.95", "€4.95", "€59.90", "Friedrichstraße 123", "Germany", "Order HFT677875 at site.com"]) {
      expect(mail.text, part).toContain(part);
    }
    const noExtras = await renderStatusEmail(DEFAULT_TEMPLATES.approved.en, data({ discountMinor: 0, insuranceMinor: 0, totalMinor: 5495 }));
    expect(noExtras.text).not.toContain("Discount");
    expect(noExtras.text).not.toContain("Insurance");
  });

  it("formats money from minor units in the locale's style", async () => {
    const amounts = { subtotalMinor: 0, discountMinor: 0, shippingMinor: 0, insuranceMinor: 0, totalMinor: 1495, items: [] };
    const ru = await renderStatusEmail({ subject: "{{total}}", body: "{{total}}" }, data({ ...amounts, locale: "ru" }));
    const en = await renderStatusEmail({ subject: "{{total}}", body: "{{total}}" }, data({ ...amounts, locale: "en" }));
    expect(ru.subject).toContain("14,95");
    expect(ru.html).toContain("14,95");
    expect(en.subject).toContain("14.95");
    expect(en.html).toContain("14.95");
    const yen = await renderStatusEmail({ subject: "{{total}}", body: "x" }, data({ ...amounts, currency: "JPY", totalMinor: 1495 }));
    expect(yen.subject).toContain("1,495");
    expect(yen.subject).not.toContain(".");
  });

  it("fills placeholders and escapes what the customer typed", async () => {
    const mail = await renderStatusEmail(
      { subject: "Thanks {{first_name}}", body: "Dear {{first_name}} {{last_name}},\n\nOrder {{shop_order_id}}." },
      data({ firstName: "<b>Eve</b>", lastName: "<script>alert(1)</script>" }),
    );
    expect(mail.subject).toBe("Thanks <b>Eve</b>");
    expect(mail.html).not.toContain("<b>Eve</b>");
    expect(mail.html).not.toContain("<script>alert(1)</script>");
    expect(mail.html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    expect(mail.html).toContain("Order HFT677875.");
    expect(mail.text).toContain("Dear <b>Eve</b>");
  });

  it("keeps an unknown placeholder, paragraphs and single line breaks", async () => {
    const mail = await renderStatusEmail(
      { subject: "Hello {{nickname}}", body: "First line\nsecond line\n\n\nNext paragraph {{unknown_thing}}" },
      data(),
    );
    expect(mail.subject).toBe("Hello {{nickname}}");
    expect(mail.html).toContain("{{unknown_thing}}");
    expect(mail.html).toMatch(/First line<br\/?>second line/);
    expect(mail.text).toContain("First line\nsecond line");
    expect(mail.text).toContain("Next paragraph {{unknown_thing}}");
  });
});
