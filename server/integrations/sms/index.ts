import { smsRuProvider } from "./sms-ru";
import { stubSmsProvider, type SmsProvider } from "./sms-provider";

export type { SmsProvider } from "./sms-provider";

/** The configured provider: the stub unless SMS_PROVIDER=smsru (which then needs SMS_RU_API_ID). */
export function smsProviderFromEnv(env: { smsProvider: "stub" | "smsru"; smsRuApiId: string | undefined }): SmsProvider {
  if (env.smsProvider === "smsru") {
    if (!env.smsRuApiId) throw new Error("SMS_PROVIDER=smsru needs SMS_RU_API_ID");
    return smsRuProvider(env.smsRuApiId);
  }
  return stubSmsProvider;
}
