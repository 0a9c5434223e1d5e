import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "../env";

/**
 * Uploaded files (product images for now) behind one small interface: a local folder under
 * DATA_DIR by default; an S3-compatible store can implement the same two calls.
 */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

/** Keys are "<folder>/<uuid>.<ext>": nothing a caller sends can climb out of the root. */
export const STORAGE_KEY = /^[a-z-]+\/[0-9a-f-]{36}\.(png|jpe?g|webp|gif)$/;

export function localFileStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error(`Bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch {
        return null;
      }
    },
  };
}

export function fileStorage(): FileStorage {
  return localFileStorage(path.join(getEnv().dataDir, "uploads"));
}
