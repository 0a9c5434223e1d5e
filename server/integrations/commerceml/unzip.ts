import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { Unzip, UnzipInflate } from "fflate";

/** `name` inside `root`, or null when it would escape it (absolute, "..", empty). */
export function safeJoin(root: string, name: string): string | null {
  const clean = name.replace(/\\/g, "/");
  if (!clean || clean.startsWith("/") || clean.split("/").some((part) => part === "..")) return null;
  const target = path.resolve(root, clean);
  return target.startsWith(path.resolve(root) + path.sep) ? target : null;
}

/** Extracts a zip archive into a folder, streaming (fflate): neither the archive nor its files are held whole in memory. */
export async function extractZip(zipPath: string, destination: string): Promise<string[]> {
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const written: Promise<string>[] = [];
  let failure: Error | null = null;
  unzip.onfile = (file) => {
    const target = safeJoin(destination, file.name);
    if (!target || file.name.endsWith("/")) return;
    mkdirSync(path.dirname(target), { recursive: true });
    const out = createWriteStream(target);
    written.push(
      new Promise((resolve, reject) => {
        out.on("error", reject);
        file.ondata = (error, chunk, final) => {
          if (error) {
            failure = error;
            reject(error);
            return;
          }
          out.write(chunk);
          if (final) out.end(() => resolve(target));
        };
      }),
    );
    file.start();
  };
  for await (const chunk of createReadStream(zipPath, { highWaterMark: 256 * 1024 })) {
    unzip.push(chunk as Uint8Array);
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  return Promise.all(written);
}
