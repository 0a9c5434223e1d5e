import { z } from "zod";
import { createEndpoint, deleteEndpoint, deliveriesQuerySchema, endpointInputSchema, listDeliveries, listEndpoints, resendDelivery, updateEndpoint } from "../../domain/webhooks/endpoints";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("webhooks.manage");
const id = z.uuid({ error: "id: not a valid id" });

/** Settings → Webhooks: endpoints per shop and event, the delivery log and "resend" (admin). */
export const webhooksRouter = createTRPCRouter({
  endpoints: manage.query(({ ctx }) => listEndpoints(ctx.db)),
  createEndpoint: manage.input(endpointInputSchema).mutation(({ ctx, input }) => createEndpoint(ctx.db, ctx.session.user.id, input, ctx.encryptionKey)),
  updateEndpoint: manage.input(z.object({ id, endpoint: endpointInputSchema })).mutation(({ ctx, input }) => updateEndpoint(ctx.db, ctx.session.user.id, input.id, input.endpoint)),
  deleteEndpoint: manage.input(z.object({ id })).mutation(({ ctx, input }) => deleteEndpoint(ctx.db, ctx.session.user.id, input.id)),
  deliveries: manage.input(deliveriesQuerySchema).query(({ ctx, input }) => listDeliveries(ctx.db, input)),
  resend: manage.input(z.object({ id })).mutation(({ ctx, input }) => resendDelivery(ctx.db, ctx.session.user.id, input.id)),
});
