/** One way to send a text message. The app records every message in sms_messages whichever provider sends it. */
export interface SmsProvider {
  readonly name: string;
  send(message: { phone: string; text: string }): Promise<{ providerId: string | null }>;
}

/** The local stub: sends nothing; the sms_messages row (Settings → Notifications → SMS log) is the delivery. */
export const stubSmsProvider: SmsProvider = {
  name: "stub",
  async send() {
    return { providerId: null };
  },
};
