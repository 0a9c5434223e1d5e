import { z } from "zod";
import { regionSchema, updateRegionSchema, updateWarehouseSchema, warehouseSchema } from "../../domain/companies/company-schemas";
import { createRegion, createWarehouse, deleteRegion, listRegions, listWarehouses, priceTypeOptions, updateRegion, updateWarehouse } from "../../domain/regions/regions";
import { actorOf } from "../actor";
import { createTRPCRouter, staffProcedure } from "../init";

const admin = staffProcedure("regions.manage");

/** Admin pages: sales regions and warehouses. */
export const regionsRouter = createTRPCRouter({
  list: admin.query(({ ctx }) => listRegions(ctx.db)),
  priceTypes: admin.query(({ ctx }) => priceTypeOptions(ctx.db)),
  create: admin.input(regionSchema).mutation(({ ctx, input }) => createRegion(ctx.db, actorOf(ctx), input)),
  update: admin.input(updateRegionSchema).mutation(({ ctx, input }) => updateRegion(ctx.db, actorOf(ctx), input)),
  delete: admin.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => deleteRegion(ctx.db, actorOf(ctx), input.id)),
  warehouses: admin.query(({ ctx }) => listWarehouses(ctx.db)),
  createWarehouse: admin.input(warehouseSchema).mutation(({ ctx, input }) => createWarehouse(ctx.db, actorOf(ctx), input)),
  updateWarehouse: admin.input(updateWarehouseSchema).mutation(({ ctx, input }) => updateWarehouse(ctx.db, actorOf(ctx), input)),
});
