import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties } from "react";
import { cardStyles, frameStyles } from "./email-frame";

/**
 * The one e-mail of the notification matrix: any event's title, text and link in the recipient's
 * language (texts come in localized from server/domain/notifications/channel-jobs.ts).
 */
export interface NotificationEmailProps {
  locale: "en" | "ru";
  title: string;
  body: string | null;
  link: string | null;
  linkLabel: string;
  footer: string;
}

const s = {
  ...frameStyles,
  ...cardStyles,
  paragraph: { margin: "0 0 14px", fontSize: "15px", lineHeight: "24px", whiteSpace: "pre-wrap" },
  button: { backgroundColor: "#405189", color: "#ffffff", borderRadius: "6px", padding: "10px 18px", fontSize: "14px", textDecoration: "none" },
} satisfies Record<string, CSSProperties>;

export function NotificationEmail(props: NotificationEmailProps) {
  return (
    <Html lang={props.locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <title>{props.title}</title>
      </Head>
      <Preview>{(props.body ?? props.title).slice(0, 120)}</Preview>
      <Body style={s.body}>
        <Section style={s.outer}>
          <Container style={s.container}>
            <Section style={s.card}>
              <Heading as="h1" style={s.title}>
                {props.title}
              </Heading>
              {props.body ? <Text style={s.paragraph}>{props.body}</Text> : null}
              {props.link ? (
                <Button href={props.link} style={s.button}>
                  {props.linkLabel}
                </Button>
              ) : null}
            </Section>
            <Text style={s.footer}>{props.footer}</Text>
          </Container>
        </Section>
      </Body>
    </Html>
  );
}

export default NotificationEmail;
