import { z } from "zod";
import { ORDER_DOCUMENT_KINDS } from "../../../db/schema";
import { reconciliationInputSchema, requestReconciliation } from "../../domain/b2b-orders/reconciliation";
import { getActiveCompany } from "../../domain/companies/active-company";
import { buyerCan } from "../../domain/companies/access-levels";
import { addCartLine, removeCartLine, setCartLineQuantity } from "../../domain/carts/cart-lines";
import { viewCart } from "../../domain/carts/cart-view";
import { createCart, deleteCart, listCarts, renameCart, saveCart, switchCart } from "../../domain/carts/carts";
import { parsePastedLines, parseQuickOrderXlsx, quickOrder } from "../../domain/carts/quick-order";
import { companyBalance } from "../../domain/b2b-orders/balance";
import { addCompanyAddress, checkout, checkoutInputSchema, companyAddressBook, pickupWarehouses } from "../../domain/b2b-orders/checkout";
import { attachDocument } from "../../domain/b2b-orders/documents";
import { b2bOrderDetails, b2bOrderFiltersSchema, changeB2bOrderStatus, createShipment, listB2bOrders, repeatB2bOrder, setShipmentStatus } from "../../domain/b2b-orders/orders";
import type { B2bOrderViewer } from "../../domain/b2b-orders/order-scope";
import { badInput, DomainError } from "../../domain/errors";
import type { Db } from "../../../db/client";
import type { Role } from "../../auth/roles";
import { buyerProcedure, createTRPCRouter, staffProcedure } from "../init";
import { realActorId } from "../../domain/impersonation/impersonation";

const buyer = buyerProcedure();
const staffView = staffProcedure("b2bOrders.view");
const staffManage = staffProcedure("b2bOrders.manage");

const id = z.uuid();
const cartName = z.string().trim().min(1, "Name is required").max(80, "Name: at most 80 characters");
const quantity = z.number().positive("Quantity must be positive").max(1_000_000);
const base64File = z.string().max(7_000_000, "The file is larger than 5 MB").regex(/^[A-Za-z0-9+/=]*$/, "Not base64");

async function requireCompany(db: Db, userId: string) {
  const active = await getActiveCompany(db, userId);
  if (!active) throw new DomainError("PRECONDITION_FAILED", "You do not work for a company yet", { field: "company" });
  return active;
}

const staffViewer = (user: { id: string; role: Role }): B2bOrderViewer & { kind: "staff" } => ({ kind: "staff", id: user.id, role: user.role });

/**
 * B2B ordering. Buyers: carts, quick order, checkout, balance, orders history, documents.
 * Staff (b2bOrders.*): the B2B orders of the companies in their scope, statuses, shipments, documents.
 */
export const b2bOrderingRouter = createTRPCRouter({
  carts: buyer.query(({ ctx }) => listCarts(ctx.db, ctx.session.user.id)),
  cart: buyer.input(z.object({ cartId: id.optional() })).query(({ ctx, input }) => viewCart(ctx.db, ctx.session.user.id, input.cartId)),
  createCart: buyer.input(z.object({ name: cartName })).mutation(({ ctx, input }) => createCart(ctx.db, ctx.session.user.id, input.name)),
  switchCart: buyer.input(z.object({ cartId: id })).mutation(({ ctx, input }) => switchCart(ctx.db, ctx.session.user.id, input.cartId)),
  renameCart: buyer.input(z.object({ cartId: id, name: cartName })).mutation(({ ctx, input }) => renameCart(ctx.db, ctx.session.user.id, input.cartId, input.name)),
  saveCart: buyer.input(z.object({ cartId: id })).mutation(({ ctx, input }) => saveCart(ctx.db, ctx.session.user.id, input.cartId)),
  deleteCart: buyer.input(z.object({ cartId: id })).mutation(({ ctx, input }) => deleteCart(ctx.db, ctx.session.user.id, input.cartId)),
  addLine: buyer
    .input(z.object({ cartId: id.optional(), variantId: id, unit: z.string().min(1).max(20).optional(), quantity }))
    .mutation(({ ctx, input }) => addCartLine(ctx.db, ctx.session.user.id, input)),
  setQuantity: buyer.input(z.object({ lineId: id, quantity })).mutation(({ ctx, input }) => setCartLineQuantity(ctx.db, ctx.session.user.id, input.lineId, input.quantity)),
  removeLine: buyer.input(z.object({ lineId: id })).mutation(({ ctx, input }) => removeCartLine(ctx.db, ctx.session.user.id, input.lineId)),

  quickOrder: buyer
    .input(z.union([z.object({ text: z.string().max(200_000) }), z.object({ fileName: z.string().min(1).max(200), contentBase64: base64File })]))
    .mutation(async ({ ctx, input }) => {
      if ("text" in input) return quickOrder(ctx.db, ctx.session.user.id, parsePastedLines(input.text));
      if (!/\.xlsx$/i.test(input.fileName)) throw badInput("Upload the .xlsx template", "file");
      return quickOrder(ctx.db, ctx.session.user.id, await parseQuickOrderXlsx(Buffer.from(input.contentBase64, "base64")));
    }),

  checkoutOptions: buyer.query(async ({ ctx }) => {
    const active = await getActiveCompany(ctx.db, ctx.session.user.id);
    return {
      companyId: active?.companyId ?? null,
      warehouses: await pickupWarehouses(ctx.db, active?.companyId ?? null),
      addresses: active ? await companyAddressBook(ctx.db, active.companyId) : [],
    };
  }),
  addAddress: buyer
    .input(z.object({ consignee: z.string().trim().min(1, "Consignee is required").max(200), address: z.string().trim().min(5, "Address is required").max(500), contactName: z.string().trim().max(200).optional(), phone: z.string().trim().max(40).optional() }))
    .mutation(async ({ ctx, input }) => addCompanyAddress(ctx.db, (await requireCompany(ctx.db, ctx.session.user.id)).companyId, input)),
  checkout: buyer.input(checkoutInputSchema).mutation(({ ctx, input }) => checkout(ctx.db, ctx.session.user.id, input, new Date(), { actorId: realActorId(ctx.session) })),

  /** Finances need access level 3; below it only the price type is shown. */
  balance: buyer.query(async ({ ctx }) => {
    const active = await getActiveCompany(ctx.db, ctx.session.user.id);
    if (!active) return null;
    const balance = await companyBalance(ctx.db, active.companyId);
    if (buyerCan(active.accessLevel, "finances")) return { ...balance, finances: true as const };
    return { companyId: balance.companyId, companyName: balance.companyName, priceType: balance.priceType, finances: false as const };
  }),
  requestReconciliation: buyer.input(reconciliationInputSchema).mutation(({ ctx, input }) => requestReconciliation(ctx.db, ctx.session.user.id, input)),

  orders: buyer.input(b2bOrderFiltersSchema).query(({ ctx, input }) => listB2bOrders(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input)),
  order: buyer.input(z.object({ orderId: id })).query(({ ctx, input }) => b2bOrderDetails(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input.orderId)),
  cancel: buyer.input(z.object({ orderId: id })).mutation(({ ctx, input }) => changeB2bOrderStatus(ctx.db, { kind: "buyer", userId: ctx.session.user.id }, input.orderId, "cancelled")),
  repeat: buyer.input(z.object({ orderId: id })).mutation(({ ctx, input }) => repeatB2bOrder(ctx.db, ctx.session.user.id, input.orderId)),

  staffOrders: staffView.input(b2bOrderFiltersSchema).query(({ ctx, input }) => listB2bOrders(ctx.db, staffViewer(ctx.session.user), input)),
  staffOrder: staffView.input(z.object({ orderId: id })).query(({ ctx, input }) => b2bOrderDetails(ctx.db, staffViewer(ctx.session.user), input.orderId)),
  staffSetStatus: staffManage
    .input(z.object({ orderId: id, status: z.enum(["confirmed", "assembling", "shipped", "delivered", "cancelled"]) }))
    .mutation(({ ctx, input }) => changeB2bOrderStatus(ctx.db, staffViewer(ctx.session.user), input.orderId, input.status)),
  staffCreateShipment: staffManage
    .input(z.object({ orderId: id, plannedDate: z.iso.date().optional() }))
    .mutation(({ ctx, input }) => createShipment(ctx.db, staffViewer(ctx.session.user), input.orderId, input.plannedDate)),
  staffShipmentStatus: staffManage
    .input(z.object({ shipmentId: id, status: z.enum(["assembling", "shipped", "delivered", "cancelled"]) }))
    .mutation(({ ctx, input }) => setShipmentStatus(ctx.db, staffViewer(ctx.session.user), input.shipmentId, input.status)),
  staffAttachDocument: staffManage
    .input(
      z.object({
        orderId: id,
        shipmentId: id.optional(),
        kind: z.enum(ORDER_DOCUMENT_KINDS),
        number: z.string().trim().max(60).optional(),
        fileName: z.string().trim().min(1).max(200),
        contentType: z.string().max(100).default("application/pdf"),
        contentBase64: base64File,
      }),
    )
    .mutation(({ ctx, input }) => attachDocument(ctx.db, staffViewer(ctx.session.user), { ...input, content: Buffer.from(input.contentBase64, "base64") })),
});
