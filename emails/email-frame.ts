import type { CSSProperties } from "react";

export const EMAIL_FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** The grey page, the centred 600px column and the small footer under the card, shared by the simple e-mails. */
export const frameStyles = {
  body: { margin: 0, padding: 0, backgroundColor: "#f3f4f6", fontFamily: EMAIL_FONT, color: "#1f2937" },
  outer: { padding: "32px 12px" },
  container: { maxWidth: "600px", width: "100%", margin: "0 auto" },
  footer: { margin: "18px 0 0", fontSize: "12px", lineHeight: "18px", color: "#9ca3af", textAlign: "center" },
} satisfies Record<string, CSSProperties>;

/** The white card with the accent top border, its title, paragraphs and label/value facts, shared by the simple e-mails. */
export const cardStyles = {
  card: { backgroundColor: "#ffffff", border: "1px solid #e5e7eb", borderTop: "4px solid #405189", borderRadius: "10px", padding: "28px 36px" },
  title: { margin: "0 0 14px", fontSize: "22px", lineHeight: "30px", fontWeight: 700 },
  paragraph: { margin: "0 0 14px", fontSize: "15px", lineHeight: "24px" },
  fact: { margin: "0 0 4px", fontSize: "14px", lineHeight: "20px" },
  label: { color: "#6b7280" },
} satisfies Record<string, CSSProperties>;
