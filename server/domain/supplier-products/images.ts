import { badInput } from "../errors";
import type { FileStorage } from "../../storage/file-storage";

const TYPES: Record<string, { ext: string; magic: (b: Buffer) => boolean }> = {
  png: { ext: "png", magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpeg: { ext: "jpg", magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  webp: { ext: "webp", magic: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  gif: { ext: "gif", magic: (b) => b.subarray(0, 4).toString("latin1") === "GIF8" },
};
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Stores an uploaded product image (PNG, JPEG, WebP or GIF by its bytes, not its name) and returns its public URL. */
export async function storeProductImage(storage: FileStorage, bytes: Buffer): Promise<{ url: string }> {
  if (bytes.length === 0) throw badInput("The file is empty", "file");
  if (bytes.length > MAX_IMAGE_BYTES) throw badInput("The image is larger than 5 MB", "file");
  const type = Object.values(TYPES).find((t) => t.magic(bytes));
  if (!type) throw badInput("Upload a PNG, JPEG, WebP or GIF image", "file");
  const key = await storage.put("product-images", `image.${type.ext}`, bytes);
  return { url: `/api/media/${key}` };
}
