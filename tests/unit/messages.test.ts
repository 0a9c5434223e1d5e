import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_AREAS } from "@/i18n/message-areas";

const MESSAGES_DIR = path.resolve(__dirname, "../../i18n/messages");

function load(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), "utf8")) as Record<string, unknown>;
}

function messagesOf(locale: "en" | "ru"): Record<string, unknown> {
  const merged = { ...load(`${locale}.json`) };
  for (const area of MESSAGE_AREAS as readonly string[]) Object.assign(merged, load(`${locale}/${area}.json`));
  return merged;
}

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("UI messages", () => {
  it("has every English message in Russian and no Russian message without an English one", () => {
    const english = keyPaths(messagesOf("en")).sort();
    const russian = keyPaths(messagesOf("ru")).sort();
    expect(russian.filter((key) => !english.includes(key))).toEqual([]);
    expect(english.filter((key) => !russian.includes(key))).toEqual([]);
    expect(english.length).toBeGreaterThan(100);
  });

  it("gives each area file its own namespaces, not ones of the shared file or another area", () => {
    const seen = new Set(Object.keys(load("en.json")));
    for (const area of MESSAGE_AREAS as readonly string[]) {
      for (const namespace of Object.keys(load(`en/${area}.json`))) {
        expect(seen.has(namespace), `${area}.json redefines namespace ${namespace}`).toBe(false);
        seen.add(namespace);
      }
    }
  });
});
