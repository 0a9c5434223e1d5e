import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { actingAs } from "../auth/cabinet";
import { PERMISSIONS, type Permission } from "../auth/permissions";
import type { Role, UserKind } from "../auth/roles";
import { DomainError } from "../domain/errors";
import { adminMustSetUpTotp } from "../domain/auth/totp-policy";
import type { TrpcContext } from "./context";
import { toTrpcError } from "./errors";

/**
 * Every procedure states who may call it in its meta. A procedure without an access rule is
 * refused for everyone (fail closed), and the role × procedure tests read the same meta.
 */
export type Access = { kind: "public" } | { kind: "authenticated" } | { kind: "permission"; permission: Permission; audience: UserKind };
export interface ProcedureMeta {
  access?: Access;
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          field: cause instanceof DomainError ? (cause.field ?? null) : null,
          retryAfterSeconds: cause instanceof DomainError ? (cause.retryAfterSeconds ?? null) : null,
          zodError: cause instanceof ZodError ? cause.flatten() : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTrpcError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});

export function isAllowed(access: Access | undefined, session: TrpcContext["session"]): "ok" | "unauthenticated" | "forbidden" {
  if (!access) return "forbidden";
  if (access.kind === "public") return "ok";
  if (!session) return "unauthenticated";
  if (access.kind === "authenticated") return "ok";
  const acting = actingAs(session.user, access.audience);
  return acting.kind === access.audience && (PERMISSIONS[access.permission] as readonly Role[]).includes(acting.role) ? "ok" : "forbidden";
}

const enforceAccess = t.middleware(async ({ ctx, meta, next }) => {
  const verdict = isAllowed(meta?.access, ctx.session);
  if (verdict === "unauthenticated") throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in first" });
  if (verdict === "forbidden") throw new TRPCError({ code: "FORBIDDEN", message: "Your role may not do this" });
  // The same rule as the pages: an admin who must have two-factor login may only set it up.
  if (meta?.access?.kind === "permission" && ctx.session && (await adminMustSetUpTotp(ctx.db, ctx.session.user))) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Set up two-factor login first" });
  }
  return next({ ctx });
});

const base = t.procedure.use(mapDomainErrors).use(enforceAccess);

/** Narrows the context: after enforceAccess a non-public procedure always has a session. */
const withSession = base.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in first" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

export const publicProcedure = base.meta({ access: { kind: "public" } });
export const authedProcedure = withSession.meta({ access: { kind: "authenticated" } });

type PermissionOf<K extends UserKind> = {
  [P in Permission]: K extends "staff"
    ? Exclude<(typeof PERMISSIONS)[P][number], "buyer" | "supplier"> extends never ? never : P
    : K extends (typeof PERMISSIONS)[P][number] ? P : never;
}[Permission];

/** Staff-only procedure for the roles the permission map gives `permission`. */
export const staffProcedure = (permission: PermissionOf<"staff">) =>
  withSession.meta({ access: { kind: "permission", permission, audience: "staff" } });
export const buyerProcedure = (permission: PermissionOf<"buyer"> = "buyer.cabinet") =>
  withSession.meta({ access: { kind: "permission", permission, audience: "buyer" } });
export const supplierProcedure = (permission: PermissionOf<"supplier"> = "supplier.cabinet") =>
  withSession.meta({ access: { kind: "permission", permission, audience: "supplier" } });
