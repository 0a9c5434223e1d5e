import type { Db } from "../../../db/client";
import type { Role } from "../../auth/roles";
import { getSetting } from "../settings/settings";

/** True when the settings require two-factor login for admins and this admin has not set it up. */
export async function adminMustSetUpTotp(db: Db, user: { role: Role; totpEnabled: boolean }): Promise<boolean> {
  if (user.role !== "admin" || user.totpEnabled) return false;
  return getSetting(db, "security.requireAdminTotp");
}
