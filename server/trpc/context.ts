import type { Db } from "../../db/client";
import type { ActiveSession } from "../domain/auth/sessions";

export interface TrpcContext {
  db: Db;
  session: ActiveSession | null;
  ip: string;
  encryptionKey: Buffer;
}
