import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { LocalFolderStorage, safeFileName } from "@/server/storage/file-storage";

let root: string;
let storage: LocalFolderStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "t3-storage-"));
  storage = new LocalFolderStorage(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

it("stores, reads back and removes a file by its key", async () => {
  const key = await storage.put("claims", "фото 1.jpg", Buffer.from("jpeg bytes"));
  expect(key).toMatch(/^claims\/[0-9a-f-]{36}\/[\w.\-]+\.jpg$/);
  expect((await storage.get(key))?.toString()).toBe("jpeg bytes");
  await storage.remove(key);
  expect(await storage.get(key)).toBeNull();
});

it("never leaves its folder, whatever the key or name says", async () => {
  await expect(storage.get("../../etc/passwd")).rejects.toThrow("Not a storage key");
  await expect(storage.put("../x", "a.txt", Buffer.from("x"))).rejects.toThrow("Storage area");
  const key = await storage.put("docs", "../../evil.pdf", Buffer.from("%PDF"));
  expect(key.endsWith("/evil.pdf")).toBe(true);
  expect(safeFileName("../..")).toBe("file");
});
