import { MANAGER_QUESTION_TOPIC } from "../domain/companies/personal-manager";
import { managerQuestionHandler } from "../domain/email/send-manager-question";
import { FEED_GENERATE_TOPIC, feedGenerateJob } from "../domain/feeds/feeds";
import { fanOutWebhooks, WEBHOOK_DELIVER_TOPIC, WEBHOOK_FANOUT_TOPIC } from "../domain/webhooks/fanout";
import { webhookDeliveryHandler } from "../domain/webhooks/deliver";
import { paymentLinkEmailHandler, PAYMENT_LINK_EMAIL_TOPIC } from "../domain/email/send-payment-link-email";
import { statusEmailHandler } from "../domain/email/send-status-email";
import { shipmentDispatchHandler } from "../domain/fulfilment/dispatch-job";
import { SHIPMENT_DISPATCH_TOPIC } from "../domain/fulfilment/request-dispatch";
import { paymentChargeHandler, PAYMENT_CHARGE_TOPIC } from "../domain/payments/charge-job";
import type { AppEnv } from "../env";
import { transportFromEnv } from "../integrations/mail/transport";
import { dashboardRefreshHandler } from "./dashboard-refresh";
import { releaseExpiredReservations, RESERVATION_EXPIRE_TOPIC } from "../domain/b2b-orders/reservations";
import { SUPPLIER_DECISION_TOPIC, supplierDecisionHandler } from "../domain/suppliers/decision-email";
import type { JobHandlers } from "./worker";
import { recurringHandler } from "./recurring";
import { RECURRING_JOBS } from "./recurring-jobs";
import { notificationEmailHandler, notificationSmsHandler } from "../domain/notifications/channel-jobs";
import { notificationPushHandler } from "../domain/notifications/push-delivery";
import { NOTIFICATION_EMAIL_TOPIC, NOTIFICATION_PUSH_TOPIC, NOTIFICATION_SMS_TOPIC } from "../domain/notifications/notify";
import { smsProviderFromEnv } from "../integrations/sms";
import { QUOTE_SENT_EMAIL_TOPIC } from "../domain/quotes/quotes";
import { quoteSentEmailHandler } from "../domain/quotes/send-quote-email";

/** Every outbox topic and who handles it. Payments and fulfilment add theirs here. */
export function jobHandlers(env: AppEnv): JobHandlers {
  const transport = transportFromEnv({ smtpUrl: env.smtpUrl, resendApiKey: env.resendApiKey });
  return {
    "email.order_status": statusEmailHandler({ transport, from: env.mailFrom }),
    [PAYMENT_LINK_EMAIL_TOPIC]: paymentLinkEmailHandler({ transport, from: env.mailFrom }),
    "dashboard.refresh": dashboardRefreshHandler,
    [PAYMENT_CHARGE_TOPIC]: paymentChargeHandler({ encryptionKey: env.encryptionKey }),
    [SHIPMENT_DISPATCH_TOPIC]: shipmentDispatchHandler({ encryptionKey: env.encryptionKey, mail: transport, mailFrom: env.mailFrom }),
    [MANAGER_QUESTION_TOPIC]: managerQuestionHandler({ transport, from: env.mailFrom }),
    [SUPPLIER_DECISION_TOPIC]: supplierDecisionHandler({ transport, from: env.mailFrom, appBaseUrl: env.appBaseUrl }),
    [QUOTE_SENT_EMAIL_TOPIC]: quoteSentEmailHandler({ transport, from: env.mailFrom, appBaseUrl: env.appBaseUrl }),
    [FEED_GENERATE_TOPIC]: (db, job, context) => feedGenerateJob(db, job.payload, context.now),
    [WEBHOOK_FANOUT_TOPIC]: (db, job, context) => fanOutWebhooks(db, job, context.now),
    [WEBHOOK_DELIVER_TOPIC]: webhookDeliveryHandler({ encryptionKeys: [env.encryptionKey] }),
    [NOTIFICATION_EMAIL_TOPIC]: notificationEmailHandler({ transport, from: env.mailFrom, baseUrl: env.appBaseUrl }),
    [NOTIFICATION_SMS_TOPIC]: notificationSmsHandler(smsProviderFromEnv(env)),
    [NOTIFICATION_PUSH_TOPIC]: notificationPushHandler(env.vapid),
    ...Object.fromEntries(RECURRING_JOBS.map((job) => [job.topic, recurringHandler(job)])),
    [RESERVATION_EXPIRE_TOPIC]: async (db, _job, context) => {
      await releaseExpiredReservations(db, context.now);
    },
  };
}
