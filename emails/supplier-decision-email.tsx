import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { cardStyles, frameStyles } from "./email-frame";

/**
 * The answer to a supplier application (approved, rejected, blocked). Texts come in filled and
 * localized (server/domain/suppliers/decision-email.ts); a reason is shown when there is one.
 */
export interface SupplierDecisionEmailProps {
  locale: "en" | "ru";
  subject: string;
  intro: string;
  reasonLabel: string;
  reason: string | null;
  buttonLabel: string | null;
  buttonUrl: string | null;
  footer: string;
}

const s = {
  ...frameStyles,
  ...cardStyles,
  reason: { margin: "6px 0 14px", padding: "12px 16px", backgroundColor: "#f9fafb", borderLeft: "3px solid #f06548", fontSize: "15px", lineHeight: "24px", whiteSpace: "pre-wrap" },
  button: { backgroundColor: "#405189", color: "#ffffff", borderRadius: "6px", padding: "12px 22px", fontSize: "15px", fontWeight: 600, textDecoration: "none" },
} satisfies Record<string, CSSProperties>;

export function SupplierDecisionEmail(props: SupplierDecisionEmailProps) {
  return (
    <Html lang={props.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <title>{props.subject}</title>
      </Head>
      <Preview>{props.intro.slice(0, 120)}</Preview>
      <Body style={s.body}>
        <Section style={s.outer}>
          <Container style={s.container}>
            <Section style={s.card}>
              <Heading as="h1" style={s.title}>
                {props.subject}
              </Heading>
              <Text style={s.paragraph}>{props.intro}</Text>
              {props.reason && (
                <>
                  <Text style={{ ...s.paragraph, margin: "0", fontWeight: 600 }}>{props.reasonLabel}</Text>
                  <Text style={s.reason}>{props.reason}</Text>
                </>
              )}
              {props.buttonLabel && props.buttonUrl && (
                <Button href={props.buttonUrl} style={s.button}>
                  {props.buttonLabel}
                </Button>
              )}
            </Section>
            <Text style={s.footer}>{props.footer}</Text>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

export default SupplierDecisionEmail;
