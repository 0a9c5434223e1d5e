import { z } from "zod";
import { bulkChangeOrderStatus, changeOrderStatus, setCallCenterStatus, type BulkResult } from "../../domain/orders/change-status";
import { getOrderDetails } from "../../domain/orders/order-details";
import { listOrderFilterOptions } from "../../domain/orders/order-filter-options";
import { countCallCenterQueue, countOrdersByStatus, listOrders } from "../../domain/orders/order-list";
import { orderFiltersSchema, orderListQuerySchema } from "../../domain/orders/order-list-query";
import { CALL_CENTER_STATUSES, ORDER_STATUSES } from "../../domain/orders/order-statuses";
import { bulkRequestDispatch, requestDispatch, sendAllPaidToShipper, type DispatchRequestResult } from "../../domain/fulfilment/request-dispatch";
import { bulkRefund } from "../../domain/payments/bulk-refund";
import type { Role } from "../../auth/roles";
import { createTRPCRouter, staffProcedure } from "../init";
import { orderActorOf } from "../actor";

const orderId = z.string().regex(/^ord_[A-Za-z0-9_-]{22}$/, "Not an order id");
const scoped = (ctx: { session: { user: { id: string; role: Role } } }) => ({ id: ctx.session.user.id, role: ctx.session.user.role });

/**
 * The staff orders list, Order Details and status changes. Reading is open to everyone with
 * orders.view (the call center sees only orders in its status, by the domain's scope);
 * changing statuses needs orders.manage, except the operator's own call-center statuses.
 */
export const ordersRouter = createTRPCRouter({
  list: staffProcedure("orders.view")
    .input(orderListQuerySchema)
    .query(({ ctx, input }) => listOrders(ctx.db, scoped(ctx), input)),
  statusCounts: staffProcedure("orders.view")
    .input(orderFiltersSchema)
    .query(({ ctx, input }) => countOrdersByStatus(ctx.db, scoped(ctx), input)),
  callCenterCounts: staffProcedure("orders.view")
    .input(orderFiltersSchema)
    .query(({ ctx, input }) => countCallCenterQueue(ctx.db, scoped(ctx), input)),
  filterOptions: staffProcedure("orders.view").query(({ ctx }) => listOrderFilterOptions(ctx.db)),
  details: staffProcedure("orders.view")
    .input(z.object({ orderId }))
    .query(({ ctx, input }) => getOrderDetails(ctx.db, scoped(ctx), input.orderId, [ctx.encryptionKey])),
  changeStatus: staffProcedure("orders.manage")
    .input(z.object({ orderId, status: z.enum(ORDER_STATUSES), note: z.string().trim().max(1000).optional() }))
    .mutation(async ({ ctx, input }) => {
      // Packed means "the shipper accepted it": the button sends the order to its shipper instead.
      if (input.status === "packed") {
        await requestDispatch(ctx.db, orderActorOf(ctx), input.orderId);
        return { orderId: input.orderId, from: "approved" as const, to: "approved" as const, queued: true };
      }
      return { ...(await changeOrderStatus(ctx.db, orderActorOf(ctx), input.orderId, input.status, { note: input.note })), queued: false };
    }),
  bulkChangeStatus: staffProcedure("orders.manage")
    .input(z.object({ orderIds: z.array(orderId).min(1, "Select at least one order").max(500, "At most 500 orders at once"), status: z.enum(ORDER_STATUSES) }))
    .mutation(({ ctx, input }): Promise<Array<BulkResult | DispatchRequestResult>> =>
      // A refund goes through the processor that took the payment, not only into the ledger;
      // "Send to shipper" (packed) queues a dispatch: the order is Packed when the shipper accepts.
      input.status === "refunded"
        ? bulkRefund(ctx.db, { encryptionKey: ctx.encryptionKey }, orderActorOf(ctx), input.orderIds)
        : input.status === "packed"
          ? bulkRequestDispatch(ctx.db, orderActorOf(ctx), input.orderIds)
          : bulkChangeOrderStatus(ctx.db, orderActorOf(ctx), input.orderIds, input.status),
    ),
  sendAllPaidToShipper: staffProcedure("orders.manage").mutation(({ ctx }) => sendAllPaidToShipper(ctx.db, orderActorOf(ctx))),
  setCallCenterStatus: staffProcedure("orders.view")
    .input(z.object({ orderId, status: z.enum(CALL_CENTER_STATUSES), note: z.string().trim().max(1000).optional() }))
    .mutation(({ ctx, input }) => setCallCenterStatus(ctx.db, orderActorOf(ctx), input.orderId, input.status, input.note)),
});
