import { z } from "zod";
import { manualPayment, refundOrder } from "../../domain/payments/manual-actions";
import { createProcessorAdminSchema, createProcessorWithSecret, processorOverview, rotateWebhookSecret, updateProcessorAsAdmin } from "../../domain/payments/processor-admin";
import { listProcessors, processorPatchSchema } from "../../domain/payments/processors";
import { createTRPCRouter, staffProcedure } from "../init";
import { actorOf, orderActorOf } from "../actor";

const orderId = z.string().regex(/^ord_[A-Za-z0-9_-]{22}$/, "Not an order id");
const manage = staffProcedure("processors.manage");

/**
 * Processors (admin) and the payment actions on an order (orders.manage: managers and up, not
 * the call center). Chargebacks set by hand go through orders.changeStatus like any status.
 * Credentials go in and never come out: a webhook secret made by the CRM is returned once.
 */
export const paymentsRouter = createTRPCRouter({
  listProcessors: manage.query(({ ctx }) => listProcessors(ctx.db)),
  processorOverview: manage.query(({ ctx }) => processorOverview(ctx.db)),
  createProcessor: manage.input(createProcessorAdminSchema).mutation(({ ctx, input }) => createProcessorWithSecret(ctx.db, actorOf(ctx), input, ctx.encryptionKey)),
  updateProcessor: manage.input(processorPatchSchema).mutation(({ ctx, input }) => updateProcessorAsAdmin(ctx.db, actorOf(ctx), input, ctx.encryptionKey)),
  rotateWebhookSecret: manage
    .input(z.object({ id: z.uuid("Not a processor id") }))
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, actorOf(ctx), input.id, [ctx.encryptionKey])),
  manualPayment: staffProcedure("orders.manage")
    .input(z.object({ orderId }))
    .mutation(({ ctx, input }) => manualPayment(ctx.db, { encryptionKey: ctx.encryptionKey }, orderActorOf(ctx), input.orderId)),
  refund: staffProcedure("orders.manage")
    .input(z.object({ orderId, note: z.string().trim().max(1000).optional() }))
    .mutation(({ ctx, input }) => refundOrder(ctx.db, { encryptionKey: ctx.encryptionKey }, orderActorOf(ctx), input.orderId, input.note)),
});
