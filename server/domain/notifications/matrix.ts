/**
 * The notification matrix: which channels carry which event to whom. The defaults are seed 002's
 * table ("По умолчанию оповещения в системе настроены следующим образом"), its client column and
 * its managers' column, encoded as written. The seed names no in-app channel (it predates the
 * bell): in-app is on for every event and both audiences, so the bell shows everything.
 * An admin changes a default (notification_defaults); a user changes his own (user_notification_prefs)
 * unless the cell is mandatory.
 */
export const CHANNELS = ["email", "sms", "in_app", "push"] as const;
export type Channel = (typeof CHANNELS)[number];
export const AUDIENCES = ["client", "staff"] as const;
export type Audience = (typeof AUDIENCES)[number];

interface EventDefaults {
  client: readonly Channel[];
  staff: readonly Channel[];
  /** Cells a user may not switch off (security messages). */
  mandatory?: readonly Channel[];
}

export const NOTIFICATION_EVENTS = {
  /** Регистрация пользователя — SMS to the client. */
  "user.registered": { client: ["sms", "in_app"], staff: ["in_app"] },
  /** Назначение компании и персонального менеджера — SMS, e-mail to the client; SMS to the manager. */
  "company.manager_assigned": { client: ["sms", "email", "in_app"], staff: ["sms", "in_app"] },
  /** Оформление заказа клиентом — SMS, e-mail (the seed's row holds one cell; read as the client's). */
  "order.placed": { client: ["sms", "email", "in_app"], staff: ["in_app"] },
  /** Приложение менеджером документов к заказу — SMS, e-mail, push to the client. */
  "order.documents_attached": { client: ["sms", "email", "push", "in_app"], staff: ["in_app"] },
  /** Просрочена оплата документов — push to both. */
  "payment.overdue": { client: ["push", "in_app"], staff: ["push", "in_app"] },
  /** Изменение статуса заказа — SMS, push to the client. */
  "order.status_changed": { client: ["sms", "push", "in_app"], staff: ["in_app"] },
  /** Рекомендованная спецификация от менеджера — push to the client. */
  "specification.recommended": { client: ["push", "in_app"], staff: ["in_app"] },
  /** Смена пароля — SMS to the client; the user may not switch it off. */
  "password.changed": { client: ["sms", "in_app"], staff: ["in_app"], mandatory: ["sms"] },
} as const satisfies Record<string, EventDefaults>;

export type KnownEvent = keyof typeof NOTIFICATION_EVENTS;
export const KNOWN_EVENTS = Object.keys(NOTIFICATION_EVENTS) as KnownEvent[];

/** Events other areas raise (quotes, claims, moderation) that the seed's table does not list: in-app only by default. */
const UNLISTED_DEFAULT: EventDefaults = { client: ["in_app"], staff: ["in_app"] };

export function eventDefaults(event: string): EventDefaults {
  return (NOTIFICATION_EVENTS as Record<string, EventDefaults>)[event] ?? UNLISTED_DEFAULT;
}

export function seedDefault(event: string, audience: Audience, channel: Channel): boolean {
  return eventDefaults(event)[audience].includes(channel);
}

export function isMandatory(event: string, channel: Channel): boolean {
  return eventDefaults(event).mandatory?.includes(channel) ?? false;
}

/** Admin overrides and a user's choices, keyed `event|audience|channel` and `event|channel`. */
export interface MatrixState {
  overrides: ReadonlyMap<string, boolean>;
  userPrefs: ReadonlyMap<string, boolean>;
}

export const overrideKey = (event: string, audience: Audience, channel: Channel) => `${event}|${audience}|${channel}`;
export const prefKey = (event: string, channel: Channel) => `${event}|${channel}`;

/** The default after the admin's changes. */
export function defaultFor(event: string, audience: Audience, channel: Channel, overrides: ReadonlyMap<string, boolean>): boolean {
  return overrides.get(overrideKey(event, audience, channel)) ?? seedDefault(event, audience, channel);
}

/**
 * Is this channel on for this user and event? The user's own choice wins over the default, except
 * that nobody switches off a mandatory cell that is on by default.
 */
export function channelEnabled(event: string, audience: Audience, channel: Channel, state: MatrixState): boolean {
  const byDefault = defaultFor(event, audience, channel, state.overrides);
  if (byDefault && isMandatory(event, channel)) return true;
  return state.userPrefs.get(prefKey(event, channel)) ?? byDefault;
}

/** The interface key of an event (next-intl reads dots as nesting). */
export const eventMessageKey = (event: string) => event.replace(/\./g, "_");
