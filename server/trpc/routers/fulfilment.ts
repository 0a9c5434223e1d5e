import { z } from "zod";
import { markDelivered } from "../../domain/fulfilment/delivery";
import { importTrackingFile } from "../../domain/fulfilment/import-tracking";
import { manualManifest } from "../../domain/fulfilment/manual-download";
import { bulkRequestDispatch, requestDispatch } from "../../domain/fulfilment/request-dispatch";
import { shipperInputSchema, shipperPatchSchema } from "../../domain/fulfilment/shipper-schemas";
import { createShipper, listShippers, rotateShipperSecret, updateShipper } from "../../domain/fulfilment/shippers";
import { addTrackingNumber } from "../../domain/fulfilment/tracking";
import { createTRPCRouter, staffProcedure } from "../init";
import { orderActorOf } from "../actor";

const orderId = z.string().regex(/^ord_[A-Za-z0-9_-]{22}$/, "Not an order id");
const shipperId = z.uuid("Not a shipper id");
const manage = staffProcedure("shippers.manage");
const orders = staffProcedure("orders.manage");
/** Base64 of at most 5 MB. */
const fileContent = z.string().max(7_000_000, "The file is larger than 5 MB").regex(/^[A-Za-z0-9+/=]*$/, "Not base64");

/**
 * Shippers (admin: adapters, SKU map, routing, secrets shown once) and the fulfilment actions on
 * orders (orders.manage): send to shipper, reship, tracking numbers (typed or imported), delivered.
 */
export const fulfilmentRouter = createTRPCRouter({
  listShippers: manage.query(({ ctx }) => listShippers(ctx.db)),
  /** Names only, for the managers' shipper picker. */
  shipperNames: orders.query(async ({ ctx }) => (await listShippers(ctx.db)).filter((s) => s.isEnabled).map((s) => ({ id: s.id, name: s.name }))),
  createShipper: manage.input(shipperInputSchema).mutation(({ ctx, input }) => createShipper(ctx.db, input, ctx.encryptionKey)),
  updateShipper: manage.input(shipperPatchSchema).mutation(({ ctx, input }) => updateShipper(ctx.db, input)),
  rotateSecret: manage.input(z.object({ id: shipperId })).mutation(({ ctx, input }) => rotateShipperSecret(ctx.db, input.id, ctx.encryptionKey)),
  downloadManifest: manage
    .input(z.object({ id: shipperId, format: z.enum(["csv", "xlsx"]) }))
    .mutation(({ ctx, input }) => manualManifest(ctx.db, input.id, input.format)),
  sendToShipper: orders
    .input(z.object({ orderId, shipperId: shipperId.optional() }))
    .mutation(({ ctx, input }) => requestDispatch(ctx.db, orderActorOf(ctx), input.orderId, { kind: "ship", shipperId: input.shipperId })),
  bulkSendToShipper: orders
    .input(z.object({ orderIds: z.array(orderId).min(1, "Select at least one order").max(500, "At most 500 orders at once") }))
    .mutation(({ ctx, input }) => bulkRequestDispatch(ctx.db, orderActorOf(ctx), input.orderIds)),
  reship: orders
    .input(z.object({ orderId, shipperId: shipperId.optional() }))
    .mutation(({ ctx, input }) => requestDispatch(ctx.db, orderActorOf(ctx), input.orderId, { kind: "reship", shipperId: input.shipperId })),
  addTracking: orders
    .input(z.object({ orderId, trackingNumber: z.string().max(200), carrier: z.string().trim().max(100).optional() }))
    .mutation(({ ctx, input }) => addTrackingNumber(ctx.db, orderActorOf(ctx), input.orderId, { trackingNumber: input.trackingNumber, carrier: input.carrier })),
  markDelivered: orders
    .input(z.object({ orderId, note: z.string().trim().max(1000).optional() }))
    .mutation(({ ctx, input }) => markDelivered(ctx.db, orderActorOf(ctx), input.orderId, { note: input.note })),
  importTracking: orders
    .input(z.object({ filename: z.string().trim().min(1).max(200), contentBase64: fileContent }))
    .mutation(({ ctx, input }) => importTrackingFile(ctx.db, orderActorOf(ctx), { filename: input.filename, content: Buffer.from(input.contentBase64, "base64") })),
});
