import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { appSettings } from "../../../db/schema";

/** Every run-time setting with its type and default; unknown keys cannot be written. */
export const SETTINGS = {
  "security.requireAdminTotp": z.boolean().default(false),
  /** How long a buyer's catalog API key lives before it must be renewed (seed 002: 30 days). */
  "api.keyLifetimeDays": z.number().int().min(1).max(365).default(30),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]>;

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key)).limit(1);
  return SETTINGS[key].parse(row?.value) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>, actorId: string | null): Promise<void> {
  const parsed = SETTINGS[key].parse(value);
  await db
    .insert(appSettings)
    .values({ key, value: parsed, updatedBy: actorId })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed, updatedBy: actorId, updatedAt: new Date() } });
}
