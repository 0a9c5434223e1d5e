import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getEnv } from "../../env";

/**
 * Where uploaded files live (DESIGN: one storage interface; a local folder by default, S3-compatible
 * storage can implement the same two calls). Keys are opaque, generated here, never user input,
 * so a key can never walk out of the root.
 */
export interface FileStorage {
  put(prefix: string, content: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
}

const KEY = /^[a-z0-9-]+\/[0-9a-f-]{36}$/;

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(prefix: string, content: Buffer): Promise<string> {
    const key = `${prefix}/${randomUUID()}`;
    if (!KEY.test(key)) throw new Error(`Bad storage prefix: ${prefix}`);
    await mkdir(path.join(this.root, prefix), { recursive: true });
    await writeFile(path.join(this.root, key), content);
    return key;
  }

  async get(key: string): Promise<Buffer> {
    if (!KEY.test(key)) throw new Error("Bad storage key");
    return readFile(path.join(this.root, key));
  }
}

let instance: FileStorage | undefined;

/** The process's storage: `<DATA_DIR>/files`, or a temporary folder under tests. */
export function fileStorage(): FileStorage {
  if (!instance) {
    const env = getEnv();
    instance = new LocalFileStorage(env.nodeEnv === "test" ? path.join(tmpdir(), "t3-test-files") : path.join(env.dataDir, "files"));
  }
  return instance;
}
