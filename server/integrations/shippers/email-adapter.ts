import type { ShipperAdapterFactory } from "./adapter";
import { manifestFile, type ManifestFormat } from "./manifest";

/**
 * The e-mail shipper: one message per shipment to the shipper's address with the order as a
 * CSV or XLSX attachment. The mail server taking the message counts as acceptance (there is no
 * answer to wait for); an SMTP failure is "unavailable" and retried.
 */
export const emailShipper: ShipperAdapterFactory = (config) => ({
  adapter: "email",
  async dispatch(request) {
    const to = config.settings.email;
    if (!to) return { outcome: "refused", message: "The shipper has no e-mail address configured" };
    if (!config.mail) return { outcome: "unavailable", message: "No mail transport configured" };
    const format: ManifestFormat = config.settings.format === "xlsx" ? "xlsx" : "csv";
    const file = await manifestFile([request], format, `order-${request.orderNumber}-${request.kind}`);
    const subject = `${request.kind === "reship" ? "Reship" : "New order"} #${request.orderNumber} (${request.shopOrderId})`;
    const text = `Please ${request.kind === "reship" ? "send again" : "pack and send"} order #${request.orderNumber}; the details are attached (${file.filename}).\nOrder id: ${request.orderId}`;
    try {
      const { providerId } = await config.mail.send({
        from: config.mailFrom ?? "T3 CRM <no-reply@t3crm.local>",
        to,
        subject,
        text,
        html: `<p>${text.replace(/\n/g, "<br>")}</p>`,
        messageId: `<shipment-${request.shipmentId}.${request.orderId}@t3crm>`,
        attachments: [{ filename: file.filename, content: file.content, contentType: file.contentType }],
      });
      return { outcome: "accepted", externalId: providerId ?? undefined, message: `E-mailed to ${to} (${file.filename})` };
    } catch (error) {
      return { outcome: "unavailable", message: `E-mail to ${to} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
});
