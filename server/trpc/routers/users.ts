import { z } from "zod";
import { passwordSchema } from "../../domain/auth/passwords";
import { createUser, getUser, listUsers, resetUserPassword, setUserActive, updateUser } from "../../domain/users/manage-users";
import { createUserSchema, listUsersSchema, updateUserSchema } from "../../domain/users/user-schemas";
import { createTRPCRouter, staffProcedure } from "../init";
import { actorOf } from "../actor";

const manage = staffProcedure("users.manage");

export const usersRouter = createTRPCRouter({
  list: manage.input(listUsersSchema).query(({ ctx, input }) => listUsers(ctx.db, input)),
  get: manage.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getUser(ctx.db, input.id)),
  create: manage.input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx.db, actorOf(ctx), input)),
  update: manage.input(updateUserSchema).mutation(({ ctx, input }) => updateUser(ctx.db, actorOf(ctx), input)),
  setActive: manage
    .input(z.object({ id: z.string().uuid(), active: z.boolean() }))
    .mutation(({ ctx, input }) => setUserActive(ctx.db, actorOf(ctx), input.id, input.active)),
  resetPassword: manage
    .input(z.object({ id: z.string().uuid(), password: passwordSchema }))
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, actorOf(ctx), input.id, input.password)),
});
