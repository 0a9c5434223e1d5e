import { createHash } from "node:crypto";

/** How a bearer secret (API key, session or invitation token) is stored: its SHA-256, hex. The secret itself never is. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
