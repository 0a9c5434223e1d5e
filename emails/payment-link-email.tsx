import { Body, Button, Container, Head, Heading, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { frameStyles } from "./email-frame";

/**
 * The payment link for PayPal, crypto and eCheck orders: the text comes in already filled and
 * localized (server/domain/email/payment-link-email.ts); this is the 600px layout with a button
 * and the plain link under it for clients that hide buttons.
 */
export interface PaymentLinkEmailProps {
  locale: "en" | "ru";
  subject: string;
  preview: string;
  paragraphs: string[];
  buttonLabel: string;
  linkHint: string;
  paymentUrl: string;
  footer: string;
}

const ACCENT = "#0f766e";

const s = {
  ...frameStyles,
  card: { backgroundColor: "#ffffff", border: "1px solid #e5e7eb", borderTop: `4px solid ${ACCENT}`, borderRadius: "10px", padding: "28px 36px" },
  title: { margin: "0 0 18px", fontSize: "24px", lineHeight: "32px", fontWeight: 700 },
  paragraph: { margin: "0 0 14px", fontSize: "15px", lineHeight: "24px" },
  button: { display: "inline-block", margin: "8px 0 18px", padding: "12px 26px", backgroundColor: ACCENT, borderRadius: "6px", color: "#ffffff", fontSize: "15px", fontWeight: 600, textDecoration: "none" },
  hint: { margin: "0", fontSize: "12px", lineHeight: "18px", color: "#6b7280", wordBreak: "break-all" },
} satisfies Record<string, CSSProperties>;

export function PaymentLinkEmail(props: PaymentLinkEmailProps) {
  return (
    <Html lang={props.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <title>{props.subject}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={s.body}>
        <Section style={s.outer}>
          <Container style={s.container}>
            <Section style={s.card}>
              <Heading as="h1" style={s.title}>
                {props.subject}
              </Heading>
              {props.paragraphs.map((paragraph, i) => (
                <Text key={i} style={s.paragraph}>
                  {paragraph}
                </Text>
              ))}
              <Button href={props.paymentUrl} style={s.button} target="_blank">
                {props.buttonLabel}
              </Button>
              <Text style={s.hint}>
                {props.linkHint} <Link href={props.paymentUrl}>{props.paymentUrl}</Link>
              </Text>
            </Section>
            <Text style={s.footer}>{props.footer}</Text>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

export default PaymentLinkEmail;
