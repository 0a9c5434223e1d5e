import "server-only";
import { forbidden, redirect } from "next/navigation";
import { mayEnterArea } from "./cabinet";
import type { UserKind } from "./roles";
import { mustSetUpTotp, requireSession } from "./session";

/** Layout guard of a face of the app: logged in, of the right kind, two-factor set up if required. */
export async function requireArea(kind: UserKind) {
  const session = await requireSession();
  if (!mayEnterArea(session.user, kind)) forbidden();
  if (await mustSetUpTotp(session)) redirect("/account?require2fa=1");
  return session;
}
