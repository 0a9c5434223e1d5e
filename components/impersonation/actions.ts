"use server";
import { encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { z } from "zod";
import { can } from "@/server/auth/permissions";
import { getCurrentSession, requireSession, SESSION_COOKIE_NAMES } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { IDLE_SESSION_MS, resolveSession } from "@/server/domain/auth/sessions";
import { endImpersonation, startImpersonation } from "@/server/domain/impersonation/impersonation";
import { getEnv } from "@/server/env";
import { clientIp } from "@/server/http/client-ip";

/** Points the browser's session cookie at another server-side session row (the cookie only names it). */
async function pointCookieAtSession(sessionId: string) {
  const store = await cookies();
  const env = getEnv();
  const name = SESSION_COOKIE_NAMES.find((n) => store.get(n)) ?? SESSION_COOKIE_NAMES[1];
  const token = await encode({ token: { sid: sessionId, remember: false }, secret: env.authSecret, maxAge: IDLE_SESSION_MS / 1000 });
  store.set(name, token, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-") });
}

async function requestIp() {
  return clientIp(await headers(), getEnv().trustProxy);
}

const ids = z.object({ companyId: z.uuid(), buyerUserId: z.uuid() });

/** "Log in as this client" from the staff company page; audited; lands in the buyer cabinet. */
export async function startImpersonationAction(companyId: string, buyerUserId: string) {
  const session = await requireSession();
  if (session.user.kind !== "staff" || !can(session.user.role, "clients.impersonate")) forbidden();
  const input = ids.parse({ companyId, buyerUserId });
  const db = await ensureDatabaseReady();
  const { buyerSessionId } = await startImpersonation(db, { id: session.user.id, role: session.user.role, ip: await requestIp(), sessionId: session.sessionId }, input);
  await pointCookieAtSession(buyerSessionId);
  redirect("/b2b");
}

/** "Back to CRM": ends the impersonation (audited) and returns to the staff session and the company page. */
export async function endImpersonationAction() {
  const session = await getCurrentSession();
  if (!session?.impersonator) redirect("/login");
  const db = await ensureDatabaseReady();
  const ended = await endImpersonation(db, session.sessionId, await requestIp());
  if (!ended) redirect("/login");
  const staff = await resolveSession(db, ended.staffSessionId);
  if (!staff) {
    (await cookies()).delete(SESSION_COOKIE_NAMES.find((n) => n) ?? SESSION_COOKIE_NAMES[1]);
    redirect("/login");
  }
  await pointCookieAtSession(ended.staffSessionId);
  redirect(`/companies/${ended.companyId}`);
}
