/**
 * Backups of the PostgreSQL database with the PostgreSQL client tools (pg_dump, pg_restore):
 * custom format (compressed, restorable table by table), dated file names, retention of the
 * newest N files, and a restore drill that proves a dump restores to the same data.
 * Used by scripts/db-backup.ts, db-restore.ts and db-drill.ts; docs/reliability.md says how to
 * schedule them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

export const BACKUP_PATTERN = /^(.+)-(\d{8}T\d{6}Z)\.dump$/;

/** Tables whose content (not only row count) the drill compares. */
export const KEY_TABLES = ["users", "shops", "customers", "orders", "order_items", "order_events", "ledger_entries", "payments", "outbox", "mail_messages", "companies", "company_members", "products"];

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function stamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr.trim().slice(0, 2000)}`);
}

export interface BackupResult {
  file: string;
  bytes: number;
  seconds: number;
  pruned: string[];
}

/** pg_dump -Fc into `<dir>/<db>-<UTC stamp>.dump` (written under a temporary name, then renamed), then keeps the newest `keep`. */
export function backupDatabase(options: { url: string; dir: string; keep: number; now?: Date; snapshot?: string }): BackupResult {
  const started = Date.now();
  mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, `${databaseName(options.url)}-${stamp(options.now)}.dump`);
  const partial = `${file}.partial`;
  const args = ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`];
  if (options.snapshot) args.push(`--snapshot=${options.snapshot}`);
  run("pg_dump", [...args, options.url]);
  renameSync(partial, file);
  const pruned = pruneBackups(options.dir, databaseName(options.url), options.keep);
  return { file, bytes: statSync(file).size, seconds: (Date.now() - started) / 1000, pruned };
}

/** Deletes all but the newest `keep` dumps of database `name` in `dir`; returns the deleted files. */
export function pruneBackups(dir: string, name: string, keep: number): string[] {
  const ours = listBackups(dir, name);
  const doomed = ours.slice(0, Math.max(0, ours.length - keep));
  for (const file of doomed) unlinkSync(file);
  return doomed;
}

/** This database's dumps in `dir`, oldest first (the stamp sorts as text). */
export function listBackups(dir: string, name?: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .map((entry) => ({ entry, match: BACKUP_PATTERN.exec(entry) }))
    .filter(({ match }) => match && (name === undefined || match[1] === name))
    .sort((a, b) => a.match![2]!.localeCompare(b.match![2]!))
    .map(({ entry }) => path.join(dir, entry));
}

/** pg_restore into `url` (created when missing); refuses a target that already has tables unless `replace`. */
export async function restoreDatabase(options: { file: string; url: string; replace?: boolean }): Promise<void> {
  const name = databaseName(options.url);
  const admin = postgres(withDatabase(options.url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 as one from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const target = postgres(options.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await target<{ n: number }[]>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`;
    if ((row?.n ?? 0) > 0 && !options.replace) throw new Error(`${name} already has ${row?.n} tables; pass --replace to overwrite it`);
  } finally {
    await target.end();
  }
  run("pg_restore", ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--exit-on-error", `--dbname=${options.url}`, options.file]);
}

export interface TableFigures {
  rows: number;
  checksum: string | null;
}

/** Row count of every table, and an order-independent checksum of every row of the key tables. */
export async function tableFigures(sql: postgres.Sql | postgres.TransactionSql): Promise<Record<string, TableFigures>> {
  const tables = await sql<{ table_name: string }[]>`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const figures: Record<string, TableFigures> = {};
  for (const { table_name: table } of tables) {
    const quoted = `"${table.replace(/"/g, '""')}"`;
    if (KEY_TABLES.includes(table)) {
      const [row] = await sql.unsafe<{ n: number; checksum: string }[]>(
        `select count(*)::int as n, md5(coalesce(string_agg(h, '' order by h), '')) as checksum from (select md5(t::text) as h from ${quoted} t) x`,
      );
      figures[table] = { rows: row?.n ?? 0, checksum: row?.checksum ?? null };
    } else {
      const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${quoted}`);
      figures[table] = { rows: row?.n ?? 0, checksum: null };
    }
  }
  return figures;
}

export interface DrillReport {
  file: string;
  bytes: number;
  dumpSeconds: number;
  restoreSeconds: number;
  tables: Array<{ table: string; source: TableFigures; restored: TableFigures | undefined; same: boolean }>;
  ok: boolean;
}

/**
 * The restore drill: dump the source inside one exported snapshot (so the figures taken in that
 * same snapshot are exactly what the dump holds, even while the app writes), restore the dump
 * into a new database, and compare every table's row count and the key tables' checksums.
 */
export async function restoreDrill(options: { url: string; dir: string; keep: number; drillDatabase: string; keepDrill?: boolean }): Promise<DrillReport> {
  const source = postgres(options.url, { max: 1, onnotice: () => {} });
  let backup: BackupResult;
  let sourceFigures: Record<string, TableFigures>;
  try {
    sourceFigures = await source.begin("isolation level repeatable read read only", async (tx) => {
      const [snapshot] = await tx<{ id: string }[]>`select pg_export_snapshot() as id`;
      backup = backupDatabase({ url: options.url, dir: options.dir, keep: options.keep, snapshot: snapshot!.id });
      return tableFigures(tx);
    });
  } finally {
    await source.end();
  }
  const drillUrl = withDatabase(options.url, options.drillDatabase);
  const admin = postgres(withDatabase(options.url, "postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${options.drillDatabase}" with (force)`);
  await admin.end();
  const restoreStarted = Date.now();
  await restoreDatabase({ file: backup!.file, url: drillUrl });
  const restoreSeconds = (Date.now() - restoreStarted) / 1000;
  const restored = postgres(drillUrl, { max: 1, onnotice: () => {} });
  let restoredFigures: Record<string, TableFigures>;
  try {
    restoredFigures = await tableFigures(restored);
  } finally {
    await restored.end();
  }
  if (!options.keepDrill) {
    const dropper = postgres(withDatabase(options.url, "postgres"), { max: 1, onnotice: () => {} });
    await dropper.unsafe(`drop database if exists "${options.drillDatabase}" with (force)`);
    await dropper.end();
  }
  const names = [...new Set([...Object.keys(sourceFigures), ...Object.keys(restoredFigures)])].sort();
  const tables = names.map((table) => {
    const s = sourceFigures[table] ?? { rows: -1, checksum: null };
    const r = restoredFigures[table];
    return { table, source: s, restored: r, same: !!r && r.rows === s.rows && r.checksum === s.checksum };
  });
  return { file: backup!.file, bytes: backup!.bytes, dumpSeconds: backup!.seconds, restoreSeconds, tables, ok: tables.every((t) => t.same) };
}
