import { Body, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { cardStyles, frameStyles } from "./email-frame";

/**
 * A buyer's question to their personal manager: who asks (company, person, contacts) and the
 * question as typed. Texts come in filled and localized (server/domain/companies/manager-question-email.ts).
 */
export interface ManagerQuestionEmailProps {
  locale: "en" | "ru";
  subject: string;
  intro: string;
  facts: Array<{ label: string; value: string }>;
  questionLabel: string;
  question: string;
  footer: string;
}

const s = {
  ...frameStyles,
  ...cardStyles,
  question: { margin: "14px 0 0", padding: "12px 16px", backgroundColor: "#f9fafb", borderLeft: "3px solid #405189", fontSize: "15px", lineHeight: "24px", whiteSpace: "pre-wrap" },
} satisfies Record<string, CSSProperties>;

export function ManagerQuestionEmail(props: ManagerQuestionEmailProps) {
  return (
    <Html lang={props.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <title>{props.subject}</title>
      </Head>
      <Preview>{props.question.slice(0, 120)}</Preview>
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
              <Text style={{ ...s.paragraph, margin: "18px 0 0", fontWeight: 600 }}>{props.questionLabel}</Text>
              <Text style={s.question}>{props.question}</Text>
            </Section>
            <Text style={s.footer}>{props.footer}</Text>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

export default ManagerQuestionEmail;
