import { z } from "zod";
import type { Db } from "../../db/client";
import { can } from "../auth/permissions";
import type { ActiveSession } from "../domain/auth/sessions";
import { feedFileById, feedFileByToken } from "../domain/feeds/feeds";

const XML = "application/xml; charset=utf-8";
const json = (status: number, error: string) => Response.json({ error }, { status });

/**
 * GET /api/feeds/<token>: the feed's newest file, for Yandex Market or Google Merchant to fetch.
 * Who may call: anyone holding the feed's unguessable token (marketplaces cannot sign in).
 */
export async function handleFeedDownload(token: string, deps: { db: Db }): Promise<Response> {
  if (!/^[\w-]{16,64}$/.test(token)) return json(404, "No such feed");
  const file = await feedFileByToken(deps.db, token);
  if (!file) return json(404, "No such feed, or it has not been generated yet");
  return new Response(file.content, { headers: { "content-type": XML, "last-modified": file.createdAt.toUTCString(), "cache-control": "public, max-age=300" } });
}

/** GET /api/feeds/files/<id>: one stored file of a feed, as an attachment. Staff with feeds.manage. */
export async function handleFeedFile(fileId: string, deps: { db: Db; session: ActiveSession | null }): Promise<Response> {
  if (!deps.session) return json(401, "Sign in first");
  if (!can(deps.session.user.role, "feeds.manage")) return json(403, "Your role may not manage feeds");
  if (!z.uuid().safeParse(fileId).success) return json(400, "id: not a valid id");
  const file = await feedFileById(deps.db, fileId);
  if (!file) return json(404, "No such file");
  const name = `${file.name.replace(/[^\w.-]+/g, "-")}-${file.createdAt.toISOString().slice(0, 16).replace(/[:T]/g, "")}.xml`;
  return new Response(file.content, { headers: { "content-type": XML, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
}
