import { z } from "zod";
import { createShop, listShops, rotateShopKey, shopInputSchema, updateShop } from "../../domain/shops/shops";
import { createTRPCRouter, staffProcedure } from "../init";
import { actorOf } from "../actor";

const manage = staffProcedure("shops.manage");

export const shopsRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => listShops(ctx.db)),
  create: manage.input(shopInputSchema).mutation(({ ctx, input }) => createShop(ctx.db, actorOf(ctx), input)),
  update: manage
    .input(shopInputSchema.partial().extend({ id: z.string().uuid() }))
    .mutation(({ ctx, input: { id, ...patch } }) => updateShop(ctx.db, actorOf(ctx), id, patch)),
  rotateKey: manage.input(z.object({ id: z.string().uuid() })).mutation(({ ctx, input }) => rotateShopKey(ctx.db, actorOf(ctx), input.id)),
});
