import type { Actor } from "../domain/users/manage-users";
import type { OrderActor } from "../domain/orders/order-actor";
import type { ActiveSession } from "../domain/auth/sessions";

interface AuthedContext {
  session: ActiveSession;
  ip: string;
}

/** The signed-in user as the domain's actor, for audit records. */
export function actorOf(ctx: AuthedContext): Actor {
  return { id: ctx.session.user.id, role: ctx.session.user.role, ip: ctx.ip };
}

export function orderActorOf(ctx: AuthedContext): Extract<OrderActor, { type: "user" }> {
  return { type: "user", id: ctx.session.user.id, role: ctx.session.user.role, name: ctx.session.user.name };
}
