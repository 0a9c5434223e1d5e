import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The one place uploaded and generated files live (product images, supplier documents, claim
 * photos, shipment documents): every upload goes through `fileStorage()`. Rows keep the
 * returned key, never a path; a deployment with several app instances plugs in shared object
 * storage behind the same interface.
 */
export interface FileStorage {
  put(area: string, fileName: string, bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Buffer | null>;
  remove(key: string): Promise<void>;
}

const KEY_PATTERN = /^[a-z0-9-]+\/[0-9a-f-]{36}\/[\w.\-]+$/;

/** A file name safe on every file system and in a URL; the original name stays in the row. */
export function safeFileName(name: string): string {
  const base = path.basename(name).normalize("NFKD").replace(/[^\w.\-]+/g, "_").replace(/^\.+/, "");
  return (base || "file").slice(-120);
}

/** Files under one folder (`DATA_DIR/files` in the app): keys are `<area>/<uuid>/<name>`. */
export class LocalFolderStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(area: string, fileName: string, bytes: Uint8Array): Promise<string> {
    if (!/^[a-z0-9-]+$/.test(area)) throw new Error(`Storage area must be lower-case letters, digits and dashes: ${area}`);
    const key = `${area}/${randomUUID()}/${safeFileName(fileName)}`;
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(path.dirname(this.pathOf(key)), { recursive: true, force: true });
  }

  /** Keys come from rows, but a key is never trusted to stay inside the root. */
  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error("Not a storage key");
    return path.join(this.root, key);
  }
}

let shared: FileStorage | null = null;

/** The app's storage: `DATA_DIR/files` (DATA_DIR defaults to ./.data). */
export function fileStorage(): FileStorage {
  shared ??= new LocalFolderStorage(path.join(path.resolve(process.env.DATA_DIR ?? "./.data"), "files"));
  return shared;
}
