import { z } from "zod";
import { createFeed, deleteFeed, feedInputSchema, feedOptions, generateFeed, listFeeds, updateFeed } from "../../domain/feeds/feeds";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("feeds.manage");
const id = z.uuid({ error: "id: not a valid id" });

/** Catalog → Feeds: Yandex Market YML and Google Merchant feeds (admin, director, content moderator). */
export const feedsRouter = createTRPCRouter({
  list: manage.query(({ ctx }) => listFeeds(ctx.db)),
  options: manage.query(({ ctx }) => feedOptions(ctx.db)),
  create: manage.input(feedInputSchema).mutation(({ ctx, input }) => createFeed(ctx.db, ctx.session.user.id, input)),
  update: manage.input(z.object({ id, feed: feedInputSchema })).mutation(({ ctx, input }) => updateFeed(ctx.db, ctx.session.user.id, input.id, input.feed)),
  remove: manage.input(z.object({ id })).mutation(({ ctx, input }) => deleteFeed(ctx.db, ctx.session.user.id, input.id)),
  generate: manage.input(z.object({ id })).mutation(({ ctx, input }) => generateFeed(ctx.db, input.id, "manual")),
});
