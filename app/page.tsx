import { redirect } from "next/navigation";
import { HOME_BY_ROLE } from "@/server/auth/permissions";
import { getCurrentSession } from "@/server/auth/session";

/** The front door: each role has its own home. */
export default async function Home() {
  const session = await getCurrentSession();
  redirect(session ? HOME_BY_ROLE[session.user.role] : "/login");
}
