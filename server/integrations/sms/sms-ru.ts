import { z } from "zod";
import type { SmsProvider } from "./sms-provider";

/** SMS.ru's answer to /sms/send?json=1: a status per number. */
const smsRuAnswer = z.object({
  status: z.string(),
  status_text: z.string().optional(),
  sms: z.record(z.string(), z.object({ status: z.string(), sms_id: z.string().optional(), status_text: z.string().optional() })).optional(),
});

/** SMS.ru over its HTTP API (https://sms.ru/api/send). Phones are stored as digits without "+". */
export function smsRuProvider(apiId: string, fetchImpl: typeof fetch = fetch): SmsProvider {
  return {
    name: "smsru",
    async send({ phone, text }) {
      const body = new URLSearchParams({ api_id: apiId, to: phone, msg: text, json: "1" });
      const response = await fetchImpl("https://sms.ru/sms/send", { method: "POST", body, signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`SMS.ru answered HTTP ${response.status}`);
      const answer = smsRuAnswer.parse(await response.json());
      const one = answer.sms?.[phone];
      if (answer.status !== "OK" || !one || one.status !== "OK") throw new Error(`SMS.ru refused: ${one?.status_text ?? answer.status_text ?? answer.status}`);
      return { providerId: one.sms_id ?? null };
    },
  };
}
