import { randomBytes } from "node:crypto";

/** 128 random bits: unguessable, collision-free in practice, and it leaks nothing (no time, no e-mail). */
export function newOrderId(): string {
  return `ord_${randomBytes(16).toString("base64url")}`;
}
