import type { Role } from "../../auth/roles";

/** Who acts on an order: a staff user, or a machine (a processor callback, a shipper, a job). */
export type OrderActor =
  | { type: "user"; id: string; role: Role; name: string }
  | { type: "processor" | "shipper" | "system" | "shop"; id?: string; name: string };

export function actorColumns(actor: OrderActor) {
  return { actorType: actor.type, actorId: actor.id ?? null, actorName: actor.name };
}
