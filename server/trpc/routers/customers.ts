import { z } from "zod";
import { listCustomers } from "../../domain/customers/list-customers";
import {
  assignableManagers,
  assignManager,
  createCustomer,
  customerOrders,
  deleteCustomer,
  getCustomer,
  setCustomerStatus,
  updateCustomer,
} from "../../domain/customers/manage-customers";
import {
  assignManagerSchema,
  createCustomerSchema,
  listCustomersSchema,
  setCustomerStatusSchema,
  updateCustomerSchema,
} from "../../domain/customers/customer-schemas";
import { createTRPCRouter, staffProcedure } from "../init";
import { actorOf } from "../actor";

const view = staffProcedure("customers.view");
const manage = staffProcedure("customers.manage");
const assign = staffProcedure("customers.assign");
const byId = z.object({ id: z.uuid() });

/** The staff Customers pages. Every call is scoped in SQL to the customers the caller may see. */
export const customersRouter = createTRPCRouter({
  list: view.input(listCustomersSchema).query(({ ctx, input }) => listCustomers(ctx.db, actorOf(ctx), input)),
  get: view.input(byId).query(({ ctx, input }) => getCustomer(ctx.db, actorOf(ctx), input.id)),
  orders: view.input(byId).query(({ ctx, input }) => customerOrders(ctx.db, actorOf(ctx), input.id)),
  create: manage.input(createCustomerSchema).mutation(({ ctx, input }) => createCustomer(ctx.db, actorOf(ctx), input)),
  update: manage.input(updateCustomerSchema).mutation(({ ctx, input }) => updateCustomer(ctx.db, actorOf(ctx), input)),
  setStatus: manage.input(setCustomerStatusSchema).mutation(({ ctx, input }) => setCustomerStatus(ctx.db, actorOf(ctx), input)),
  delete: manage.input(byId).mutation(({ ctx, input }) => deleteCustomer(ctx.db, actorOf(ctx), input.id)),
  managers: assign.query(({ ctx }) => assignableManagers(ctx.db, actorOf(ctx))),
  assignManager: assign.input(assignManagerSchema).mutation(({ ctx, input }) => assignManager(ctx.db, actorOf(ctx), input)),
});
