import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readdir, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import type { Db } from "../../db/client";
import { exchangeRunItems } from "../../db/schema";
import { checkExchangeCredential } from "../domain/exchange/credentials";
import { exportOrders } from "../domain/exchange/export-orders";
import { chunks } from "../domain/exchange/import-context";
import { importFile, importFileStep, stepsFor } from "../domain/exchange/import-file";
import { finishRun, startRun } from "../domain/exchange/runs";
import { EXCHANGE_COOKIE, findExchangeSession, openExchangeSession, saveSessionState, setOrdersQueriedAt, type ExchangeSession } from "../domain/exchange/sessions";
import { setSetting } from "../domain/settings/settings";
import { extractZip, safeJoin } from "../integrations/commerceml/unzip";

export interface ExchangeDeps {
  db: Db;
  /** Where uploaded files live, one folder per session. */
  dir: string;
  /** The chunk size 1C is told to use (init's file_limit). */
  fileLimit?: number;
}

export const DEFAULT_FILE_LIMIT = 8 * 1024 * 1024;

const querySchema = z.object({
  type: z.enum(["catalog", "sale"], { message: "type must be catalog or sale" }),
  mode: z.enum(["checkauth", "init", "file", "import", "query", "success", "complete", "deactivate"], { message: "unknown mode" }),
  filename: z.string().min(1).max(255).optional(),
});

const text = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
const failure = (message: string, status = 200) => text(`failure\n${message}`, status);

function basicCredentials(request: Request): { login: string; password: string } | null {
  const match = request.headers.get("authorization")?.match(/^Basic\s+(\S+)$/i);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/**
 * The CommerceML 2 "exchange with site" protocol, as 1C speaks it:
 * checkauth (HTTP Basic) → cookie; init → zip/file_limit; file (chunks appended); import (one
 * step per call: "progress" until the file is done, then "success"); sale query/success for the
 * orders export; a sale file carries 1C's order statuses back. Answers are plain text.
 */
export async function handleExchange(request: Request, deps: ExchangeDeps): Promise<Response> {
  const url = new URL(request.url);
  const parsed = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return failure(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), 400);
  const { type, mode, filename } = parsed.data;
  const { db } = deps;

  if (mode === "checkauth") {
    const credentials = basicCredentials(request);
    if (!credentials || !(await checkExchangeCredential(db, credentials.login, credentials.password))) {
      return text("failure\nWrong login or password", 401, { "www-authenticate": 'Basic realm="1C exchange"' });
    }
    const { token } = await openExchangeSession(db, credentials.login);
    return text(`success\n${EXCHANGE_COOKIE}\n${token}`, 200, { "set-cookie": `${EXCHANGE_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict` });
  }

  const token = cookieValue(request, EXCHANGE_COOKIE);
  const session = token ? await findExchangeSession(db, token) : null;
  if (!session) return failure("Not authorized: call mode=checkauth first", 401);
  const folder = path.join(deps.dir, session.id);

  switch (mode) {
    case "init": {
      await rm(folder, { recursive: true, force: true });
      await mkdir(folder, { recursive: true });
      await saveSessionState(db, session.id, { steps: {} });
      return text(`zip=yes\nfile_limit=${deps.fileLimit ?? DEFAULT_FILE_LIMIT}`);
    }
    case "file":
      return receiveFile(request, deps, session, folder, type, filename);
    case "import":
      return importStep(deps, session, folder, type, filename);
    case "query": {
      if (type !== "sale") return failure("query is for type=sale", 400);
      return queryOrders(db, session);
    }
    case "success": {
      if (type === "sale" && session.ordersQueriedAt) {
        await setSetting(db, "exchange.ordersExportedUntil", session.ordersQueriedAt.toISOString(), null);
        await setOrdersQueriedAt(db, session.id, null);
      }
      return text("success");
    }
    default:
      return text("success");
  }
}

async function receiveFile(request: Request, deps: ExchangeDeps, session: ExchangeSession, folder: string, type: "catalog" | "sale", filename?: string) {
  const target = filename ? safeJoin(folder, filename) : null;
  if (!target) return failure("filename: a relative file name is required", 400);
  if (!request.body) return failure("The file chunk is empty", 400);
  await mkdir(path.dirname(target), { recursive: true });
  await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), createWriteStream(target, { flags: "a" }));
  if (type === "sale" && !target.endsWith(".zip")) {
    // 1C sends its sale file (orders with statuses) in one piece and expects it taken at once.
    const results = await importFile(deps.db, target, "sale");
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) return failure(failed.error);
  }
  return text("success");
}

async function unpackArchives(folder: string): Promise<void> {
  if (!existsSync(folder)) return;
  for (const name of await readdir(folder)) {
    if (!name.toLowerCase().endsWith(".zip")) continue;
    const archive = path.join(folder, name);
    await extractZip(archive, folder);
    await unlink(archive);
  }
}

async function importStep(deps: ExchangeDeps, session: ExchangeSession, folder: string, type: "catalog" | "sale", filename?: string) {
  const target = filename ? safeJoin(folder, filename) : null;
  if (!target || !filename) return failure("filename: a relative file name is required", 400);
  await unpackArchives(folder);
  if (!existsSync(target)) return failure(`File ${filename} was not uploaded`);
  const steps = stepsFor(filename, type);
  const done = session.state.steps[filename] ?? 0;
  if (done >= steps.length) return text("success");
  const result = await importFileStep(deps.db, target, steps[done]!);
  if (!result.ok) return failure(`${result.step}: ${result.error}`);
  await saveSessionState(deps.db, session.id, { steps: { ...session.state.steps, [filename]: done + 1 } });
  const summary = [...result.counts].map(([category, c]) => `${category}: ${c.total} read, ${c.created} new, ${c.updated} changed, ${c.failed} errors`).join("; ");
  return text(`${done + 1 < steps.length ? "progress" : "success"}\n${result.step} done${summary ? `: ${summary}` : ""}`);
}

async function queryOrders(db: Db, session: ExchangeSession) {
  const runId = await startRun(db, "orders", "query");
  try {
    const result = await exportOrders(db);
    await setOrdersQueriedAt(db, session.id, result.until ?? session.ordersQueriedAt);
    await finishRun(db, runId, { total: result.count, created: 0, updated: result.count, failed: 0 });
    for (const part of chunks(result.orders, 1000)) {
      await db.insert(exchangeRunItems).values(part.map((o) => ({ runId, category: "orders" as const, entity: "order", externalId: o.id, label: String(o.number), status: "done" as const, message: "Выгружен в 1С" })));
    }
    return new Response(new Uint8Array(result.body), { status: 200, headers: { "content-type": result.contentType, "cache-control": "no-store" } });
  } catch (error) {
    await finishRun(db, runId, { total: 0, created: 0, updated: 0, failed: 0 }, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
