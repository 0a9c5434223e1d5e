import { notify } from "./notify";

type Writer = Parameters<typeof notify>[0];

/**
 * Seed 002's "password changed": always told to the account's owner (for clients the SMS cannot be
 * switched off), so a change they did not make is noticed at once.
 */
export async function noticePasswordChanged(db: Writer, userId: string, by: "self" | "administrator") {
  await notify(db, {
    event: "password.changed", userIds: [userId],
    title: by === "self" ? { en: "Your password was changed", ru: "Ваш пароль изменён" } : { en: "An administrator set a new password for you", ru: "Администратор задал вам новый пароль" },
    body: { en: "If it was not you, contact your manager or the administrator now.", ru: "Если это были не вы, сразу свяжитесь с менеджером или администратором." },
    link: "/account",
  });
}
