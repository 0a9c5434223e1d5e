import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { appSettings } from "../../../db/schema";

/** Every run-time setting with its type and default; unknown keys cannot be written. */
export const SETTINGS = {
  "security.requireAdminTotp": z.boolean().default(false),
  /** How long a buyer's catalog API key lives before it must be renewed (seed 002: 30 days). */
  "api.keyLifetimeDays": z.number().int().min(1).max(365).default(30),
  /** How long a placed B2B order holds its stock before the reservation is released. */
  "b2b.reservationHours": z.number().int().min(1).max(720).default(72),
  /** The seller's requisites printed on B2B invoices. */
  "b2b.sellerRequisites": z
    .object({ name: z.string(), inn: z.string(), kpp: z.string(), address: z.string(), bankName: z.string(), bik: z.string(), account: z.string(), correspondentAccount: z.string() })
    .default({
      name: "ООО «Т3 Трейд»", inn: "7707083893", kpp: "773601001", address: "117997, г. Москва, ул. Вавилова, д. 19",
      bankName: "ПАО Сбербанк", bik: "044525225", account: "40702810638000000000", correspondentAccount: "30101810400000000225",
    }),
  /** The 1C exchange's login and its argon2 password hash (null = the exchange is closed). */
  "exchange.credential": z.object({ login: z.string().min(1), passwordHash: z.string().min(1) }).nullable().default(null),
  /** Orders changed after this instant (ISO) are exported on 1C's next sale query. */
  "exchange.ordersExportedUntil": z.string().nullable().default(null),
  /** The encoding of the orders file for 1C. */
  "exchange.ordersEncoding": z.enum(["utf-8", "windows-1251"]).default("utf-8"),
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
