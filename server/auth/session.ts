import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { resolveSession, type ActiveSession } from "../domain/auth/sessions";
import { adminMustSetUpTotp } from "../domain/auth/totp-policy";
import { ensureDatabaseReady } from "../db";
import { getEnv } from "../env";
import { userCan } from "./cabinet";
import type { Permission } from "./permissions";

import { SESSION_COOKIE_NAMES } from "./session-cookie-names";
export { SESSION_COOKIE_NAMES };

export async function sessionFromToken(rawToken: string | undefined): Promise<ActiveSession | null> {
  if (!rawToken) return null;
  const token = await decode({ token: rawToken, secret: getEnv().authSecret }).catch(() => null);
  if (!token?.sid) return null;
  return resolveSession(await ensureDatabaseReady(), token.sid);
}

/** The signed-in user of this request, checked against the session table (once per request). */
export const getCurrentSession = cache(async (): Promise<ActiveSession | null> => {
  const store = await cookies();
  const raw = SESSION_COOKIE_NAMES.map((name) => store.get(name)?.value).find(Boolean);
  return sessionFromToken(raw);
});

export async function requireSession(): Promise<ActiveSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/login");
  return session;
}

/** For pages: log in first, then the role must hold the permission, or the page answers 403. */
export async function requirePermission(permission: Permission): Promise<ActiveSession> {
  const session = await requireSession();
  if (!userCan(session.user, permission)) forbidden();
  return session;
}

/** Admins must have two-factor login when the setting says so; they are sent to set it up. */
export async function mustSetUpTotp(session: ActiveSession): Promise<boolean> {
  return adminMustSetUpTotp(await ensureDatabaseReady(), session.user);
}
