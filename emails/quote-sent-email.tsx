import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { cardStyles, frameStyles } from "./email-frame";

/** A quote priced by the manager, sent to the buyer with the PDF attached. Texts come in localized (server/domain/quotes/send-quote-email.ts). */
export interface QuoteSentEmailProps {
  locale: "en" | "ru";
  subject: string;
  intro: string;
  facts: Array<{ label: string; value: string }>;
  buttonLabel: string;
  url: string;
  footer: string;
}

const s = {
  ...frameStyles,
  ...cardStyles,
  button: { marginTop: "18px", backgroundColor: "#405189", color: "#ffffff", borderRadius: "6px", padding: "10px 18px", fontSize: "14px", fontWeight: 600 },
} satisfies Record<string, CSSProperties>;

export function QuoteSentEmail(props: QuoteSentEmailProps) {
  return (
    <Html lang={props.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <title>{props.subject}</title>
      </Head>
      <Preview>{props.intro}</Preview>
      <Body style={s.body}>
        <Section style={s.outer}>
          <Container style={s.container}>
            <Section style={s.card}>
              <Heading as="h1" style={s.title}>
                {props.subject}
              </Heading>
              <Text style={s.paragraph}>{props.intro}</Text>
              {props.facts.map((fact) => (
                <Text key={fact.label} style={s.fact}>
                  <span style={s.label}>{fact.label}:</span> {fact.value}
                </Text>
              ))}
              <Button href={props.url} style={s.button}>
                {props.buttonLabel}
              </Button>
            </Section>
            <Text style={s.footer}>{props.footer}</Text>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}
