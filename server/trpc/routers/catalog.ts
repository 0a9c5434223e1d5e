import { z } from "zod";
import { anonymousViewer, catalogViewer } from "../../domain/catalog/buyer-context";
import { catalogHome } from "../../domain/catalog/catalog-home";
import { listProductsInputSchema, productIdSchema, productRefSchema, reviewInputSchema, staffListInputSchema } from "../../domain/catalog/catalog-schemas";
import { categoryBySlug, categoryTree } from "../../domain/catalog/category-tree";
import { listFavorites, setFavorite } from "../../domain/catalog/favorites";
import { listProducts } from "../../domain/catalog/list-products";
import { productCard } from "../../domain/catalog/product-card";
import { deleteReview, saveReview } from "../../domain/catalog/reviews";
import { notFound } from "../../domain/errors";
import { buyerProcedure, createTRPCRouter, staffProcedure } from "../init";

const buyer = buyerProcedure();
const staffView = staffProcedure("catalog.view");

/** The buyer cabinet's catalog (prices through the resolver) and the staff's read-only product list. */
export const catalogRouter = createTRPCRouter({
  tree: buyer.query(({ ctx }) => categoryTree(ctx.db)),
  category: buyer.input(z.object({ slug: z.string().min(1).max(200) })).query(async ({ ctx, input }) => {
    const found = await categoryBySlug(ctx.db, input.slug);
    if (!found) throw notFound("Category");
    return found;
  }),
  home: buyer.query(async ({ ctx }) => catalogHome(ctx.db, await catalogViewer(ctx.db, ctx.session.user.id))),
  list: buyer.input(listProductsInputSchema).query(async ({ ctx, input }) => listProducts(ctx.db, await catalogViewer(ctx.db, ctx.session.user.id), input)),
  product: buyer.input(productRefSchema).query(async ({ ctx, input }) => {
    const card = await productCard(ctx.db, await catalogViewer(ctx.db, ctx.session.user.id), input.slug);
    if (!card) throw notFound("Product");
    return card;
  }),
  favorites: buyer.query(async ({ ctx }) => listFavorites(ctx.db, { ...(await catalogViewer(ctx.db, ctx.session.user.id)), userId: ctx.session.user.id })),
  setFavorite: buyer.input(productIdSchema.extend({ on: z.boolean() })).mutation(({ ctx, input }) => setFavorite(ctx.db, ctx.session.user.id, input.productId, input.on)),
  saveReview: buyer.input(reviewInputSchema).mutation(({ ctx, input }) => saveReview(ctx.db, ctx.session.user.id, input)),
  deleteReview: buyer.input(productIdSchema).mutation(({ ctx, input }) => deleteReview(ctx.db, ctx.session.user.id, input.productId)),

  staffTree: staffView.query(({ ctx }) => categoryTree(ctx.db)),
  staffList: staffView.input(staffListInputSchema).query(async ({ ctx, input }) =>
    listProducts(ctx.db, await anonymousViewer(ctx.db), { ...input, sort: input.search ? "relevance" : "name", withFacets: false }),
  ),
});
