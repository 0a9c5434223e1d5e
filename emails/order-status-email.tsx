import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { PostalAddress } from "../db/schema/orders";
import { formatMoney, type EmailLocale, type StatusEmailItem } from "../server/domain/email/status-email";

/**
 * The customer's order-status e-mail: a 600px table layout with inline styles that every mail
 * client understands, narrowing on phones. The wording comes in already filled (props.paragraphs,
 * plain text that React escapes); only the fixed labels live here, in English and Russian.
 */
export interface OrderStatusEmailProps {
  locale: EmailLocale;
  /** The filled subject, shown as the heading. */
  subject: string;
  /** The inbox preview line. */
  preview: string;
  /** The filled body, one entry per paragraph; single line breaks inside are kept. */
  paragraphs: string[];
  shopDomain: string;
  shopOrderId: string;
  customerName: string;
  currency: string;
  items: StatusEmailItem[];
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  totalMinor: number;
  shippingAddress: PostalAddress;
  /** The tracking box is shown when there is a number. */
  trackingNumber: string | null;
  carrier: string | null;
  trackingUrl: string | null;
}

interface Labels {
  order: (id: string) => string;
  orderAt: (id: string, domain: string) => string;
  why: (domain: string) => string;
  orderSummary: string;
  quantity: string;
  bonus: (bonus: string) => string;
  subtotal: string;
  discount: string;
  shipping: string;
  free: string;
  insurance: string;
  total: string;
  shippingAddress: string;
  trackYourParcel: string;
  trackingNumber: string;
  carrier: string;
}

const LABELS: Record<EmailLocale, Labels> = {
  en: {
    order: (id) => `Order ${id}`,
    orderAt: (id, domain) => `Order ${id} at ${domain}`,
    why: (domain) => `You received this e-mail because you placed an order at ${domain}.`,
    orderSummary: "Order summary",
    quantity: "Qty",
    bonus: (bonus) => `+ ${bonus} bonus`,
    subtotal: "Subtotal",
    discount: "Discount",
    shipping: "Shipping",
    free: "Free",
    insurance: "Insurance",
    total: "Total",
    shippingAddress: "Shipping address",
    trackYourParcel: "Track your parcel",
    trackingNumber: "Tracking number",
    carrier: "Carrier",
  },
  ru: {
    order: (id) => `Заказ ${id}`,
    orderAt: (id, domain) => `Заказ ${id} в магазине ${domain}`,
    why: (domain) => `Вы получили это письмо, потому что оформили заказ в магазине ${domain}.`,
    orderSummary: "Ваш заказ",
    quantity: "Кол-во",
    bonus: (bonus) => `+ ${bonus} в подарок`,
    subtotal: "Товары",
    discount: "Скидка",
    shipping: "Доставка",
    free: "Бесплатно",
    insurance: "Страховка",
    total: "Итого",
    shippingAddress: "Адрес доставки",
    trackYourParcel: "Отследить посылку",
    trackingNumber: "Трек-номер",
    carrier: "Служба доставки",
  },
};

const COLOR = {
  page: "#f3f4f6",
  card: "#ffffff",
  border: "#e5e7eb",
  rule: "#f0f1f3",
  text: "#1f2937",
  muted: "#6b7280",
  accent: "#0f766e",
  accentSoft: "#f0fdfa",
  accentBorder: "#99f6e4",
  bonus: "#047857",
};
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const MONO = "'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

const RESPONSIVE_CSS = `
@media only screen and (max-width: 620px) {
  .email-outer { padding: 12px 8px !important; }
  .email-pad { padding-left: 20px !important; padding-right: 20px !important; }
  .email-title { font-size: 21px !important; line-height: 28px !important; }
  .email-qty { width: 36px !important; }
}
`;

const s = {
  body: { margin: 0, padding: 0, backgroundColor: COLOR.page, fontFamily: FONT, color: COLOR.text, WebkitTextSizeAdjust: "100%" },
  outer: { padding: "32px 12px" },
  container: { maxWidth: "600px", width: "100%", margin: "0 auto" },
  header: { padding: "0 4px 14px" },
  domain: { margin: 0, fontSize: "17px", lineHeight: "24px", fontWeight: 700, color: COLOR.accent, letterSpacing: "-0.01em" },
  headerOrder: { margin: 0, fontSize: "13px", lineHeight: "24px", color: COLOR.muted, textAlign: "right" },
  card: {
    backgroundColor: COLOR.card,
    border: `1px solid ${COLOR.border}`,
    borderTop: `4px solid ${COLOR.accent}`,
    borderRadius: "10px",
  },
  pad: { padding: "28px 36px" },
  title: { margin: "0 0 18px", fontSize: "24px", lineHeight: "32px", fontWeight: 700, color: COLOR.text, letterSpacing: "-0.01em" },
  paragraph: { margin: "0 0 14px", fontSize: "15px", lineHeight: "24px", color: COLOR.text },
  trackingBox: {
    margin: "8px 0 4px",
    padding: "18px 20px",
    backgroundColor: COLOR.accentSoft,
    border: `1px solid ${COLOR.accentBorder}`,
    borderRadius: "8px",
  },
  fieldLabel: { margin: 0, fontSize: "11px", lineHeight: "16px", fontWeight: 600, color: COLOR.muted, textTransform: "uppercase", letterSpacing: "0.06em" },
  fieldValue: { margin: "2px 0 0", fontSize: "15px", lineHeight: "22px", color: COLOR.text },
  trackingNumber: { margin: "2px 0 0", fontSize: "16px", lineHeight: "22px", fontWeight: 700, color: COLOR.text, fontFamily: MONO, letterSpacing: "0.02em", wordBreak: "break-all" },
  button: {
    display: "inline-block",
    marginTop: "16px",
    padding: "11px 22px",
    backgroundColor: COLOR.accent,
    borderRadius: "6px",
    color: "#ffffff",
    fontSize: "14px",
    lineHeight: "20px",
    fontWeight: 600,
    textDecoration: "none",
  },
  rule: { margin: 0, border: "none", borderTop: `1px solid ${COLOR.border}` },
  sectionTitle: { margin: "0 0 8px", fontSize: "13px", lineHeight: "20px", fontWeight: 700, color: COLOR.muted, textTransform: "uppercase", letterSpacing: "0.06em" },
  table: { width: "100%", borderCollapse: "collapse" },
  itemCell: { padding: "12px 0", borderBottom: `1px solid ${COLOR.rule}`, verticalAlign: "top" },
  itemName: { margin: 0, fontSize: "15px", lineHeight: "22px", fontWeight: 600, color: COLOR.text },
  itemOption: { margin: "2px 0 0", fontSize: "13px", lineHeight: "18px", color: COLOR.muted },
  itemBonus: { margin: "2px 0 0", fontSize: "13px", lineHeight: "18px", fontWeight: 600, color: COLOR.bonus },
  itemQty: { margin: 0, fontSize: "14px", lineHeight: "22px", color: COLOR.muted, whiteSpace: "nowrap" },
  itemTotal: { margin: 0, fontSize: "15px", lineHeight: "22px", color: COLOR.text, whiteSpace: "nowrap" },
  sumCell: { padding: "4px 0", fontSize: "14px", lineHeight: "22px", color: COLOR.muted },
  sumValue: { padding: "4px 0", fontSize: "14px", lineHeight: "22px", color: COLOR.text, textAlign: "right", whiteSpace: "nowrap" },
  totalCell: { padding: "12px 0 0", borderTop: `1px solid ${COLOR.border}`, fontSize: "17px", lineHeight: "24px", fontWeight: 700, color: COLOR.text },
  totalValue: { padding: "12px 0 0", borderTop: `1px solid ${COLOR.border}`, fontSize: "17px", lineHeight: "24px", fontWeight: 700, color: COLOR.text, textAlign: "right", whiteSpace: "nowrap" },
  address: { margin: 0, fontSize: "14px", lineHeight: "22px", color: COLOR.text },
  footer: { padding: "18px 12px 0", textAlign: "center" },
  footerOrder: { margin: 0, fontSize: "13px", lineHeight: "20px", fontWeight: 600, color: COLOR.muted },
  footerWhy: { margin: "4px 0 0", fontSize: "12px", lineHeight: "18px", color: "#9ca3af" },
} satisfies Record<string, CSSProperties>;

/** A paragraph's own line breaks, as <br />. */
function withLineBreaks(text: string): ReactNode[] {
  return text.split("\n").flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]));
}

function countryName(code: string, locale: EmailLocale): string {
  const trimmed = code.trim();
  if (!/^[A-Za-z]{2}$/.test(trimmed)) return trimmed;
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(trimmed.toUpperCase()) ?? trimmed;
  } catch {
    return trimmed;
  }
}

/** Street, then "City, ST 12345" (the state only when there is one: "XX" means none), then the country. */
function addressLines(address: PostalAddress, locale: EmailLocale): string[] {
  const state = address.state && address.state.toUpperCase() !== "XX" ? address.state : "";
  const cityLine = [[address.city, state].filter(Boolean).join(", "), address.zip].filter(Boolean).join(" ");
  return [address.address, address.address2 ?? "", cityLine, countryName(address.country, locale)].map((l) => l.trim()).filter(Boolean);
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <td style={s.sumCell}>{label}</td>
      <td style={s.sumValue}>{value}</td>
    </tr>
  );
}

export function OrderStatusEmail(props: OrderStatusEmailProps) {
  const t = LABELS[props.locale];
  const money = (minor: number) => formatMoney(minor, props.currency, props.locale);
  const domain = props.shopDomain.trim();
  const footer = domain ? t.orderAt(props.shopOrderId, domain) : t.order(props.shopOrderId);

  return (
    <Html lang={props.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{props.subject}</title>
        <style>{RESPONSIVE_CSS}</style>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={s.body}>
        <Section style={s.outer} className="email-outer">
          <Container style={s.container}>
            <Section style={s.header}>
              <Row>
                <Column>
                  <Text style={s.domain}>{domain || t.order(props.shopOrderId)}</Text>
                </Column>
                {domain && (
                  <Column align="right">
                    <Text style={s.headerOrder}>{t.order(props.shopOrderId)}</Text>
                  </Column>
                )}
              </Row>
            </Section>

            <Section style={s.card}>
              <Section style={s.pad} className="email-pad">
                <Heading as="h1" style={s.title} className="email-title">
                  {props.subject}
                </Heading>
                {props.paragraphs.map((paragraph, i) => (
                  <Text key={i} style={i === props.paragraphs.length - 1 && !props.trackingNumber ? { ...s.paragraph, marginBottom: 0 } : s.paragraph}>
                    {withLineBreaks(paragraph)}
                  </Text>
                ))}

                {props.trackingNumber && (
                  <Section style={s.trackingBox}>
                    <Row>
                      {props.carrier && (
                        <Column style={{ verticalAlign: "top", paddingRight: "16px" }}>
                          <Text style={s.fieldLabel} className="email-cell">{t.carrier}</Text>
                          <Text style={s.fieldValue} className="email-cell">{props.carrier}</Text>
                        </Column>
                      )}
                      <Column style={{ verticalAlign: "top" }}>
                        <Text style={s.fieldLabel} className="email-cell">{t.trackingNumber}</Text>
                        <Text style={s.trackingNumber} className="email-cell">{props.trackingNumber}</Text>
                      </Column>
                    </Row>
                    {props.trackingUrl && (
                      <Button href={props.trackingUrl} style={s.button} target="_blank">
                        {t.trackYourParcel}
                      </Button>
                    )}
                  </Section>
                )}
              </Section>

              <Hr style={s.rule} />

              <Section style={s.pad} className="email-pad">
                <Text style={s.sectionTitle}>{t.orderSummary}</Text>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={s.table} className="email-items">
                  <tbody>
                    {props.items.map((item, i) => {
                      const option = [item.option, item.optionValue].filter((x): x is string => Boolean(x && x.trim())).join(" · ");
                      return (
                        <tr key={i}>
                          <td style={s.itemCell}>
                            <Text style={s.itemName} className="email-cell">{item.name}</Text>
                            {option && <Text style={s.itemOption} className="email-cell">{option}</Text>}
                            {item.bonus && <Text style={s.itemBonus} className="email-cell">{t.bonus(item.bonus)}</Text>}
                          </td>
                          <td style={{ ...s.itemCell, width: "56px", textAlign: "center" }} className="email-qty">
                            <Text style={s.itemQty} className="email-cell">× {item.quantity}</Text>
                          </td>
                          <td style={{ ...s.itemCell, width: "110px", textAlign: "right" }}>
                            <Text style={s.itemTotal} className="email-cell">{money(item.lineTotalMinor)}</Text>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>

                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ ...s.table, marginTop: "12px" }} data-text-format="dataTable">
                  <tbody>
                    <SummaryRow label={t.subtotal} value={money(props.subtotalMinor)} />
                    {props.discountMinor !== 0 && <SummaryRow label={t.discount} value={money(-Math.abs(props.discountMinor))} />}
                    <SummaryRow label={t.shipping} value={props.shippingMinor === 0 ? t.free : money(props.shippingMinor)} />
                    {props.insuranceMinor !== 0 && <SummaryRow label={t.insurance} value={money(props.insuranceMinor)} />}
                    <tr>
                      <td style={s.totalCell}>{t.total}</td>
                      <td style={s.totalValue}>{money(props.totalMinor)}</td>
                    </tr>
                  </tbody>
                </table>
              </Section>

              <Hr style={s.rule} />

              <Section style={s.pad} className="email-pad">
                <Text style={s.sectionTitle}>{t.shippingAddress}</Text>
                <Text style={s.address}>
                  {props.customerName && (
                    <>
                      <strong style={{ fontWeight: 600 }}>{props.customerName}</strong>
                      <br />
                    </>
                  )}
                  {withLineBreaks(addressLines(props.shippingAddress, props.locale).join("\n"))}
                </Text>
              </Section>
            </Section>

            <Section style={s.footer}>
              <Text style={s.footerOrder}>{footer}</Text>
              {domain && <Text style={s.footerWhy}>{t.why(domain)}</Text>}
            </Section>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

export default OrderStatusEmail;
