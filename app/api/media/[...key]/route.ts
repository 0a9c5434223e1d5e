import { fileStorage } from "@/server/storage/file-storage";

/** Only supplier product images are served here: `product-images/<uuid>/<name>`. */
const PRODUCT_IMAGE_KEY = /^product-images\/[0-9a-f-]{36}\/image\.(png|jpg|webp|gif)$/;

const CONTENT_TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

/** Product images uploaded by suppliers: public like the catalog's own pictures; keys are random UUIDs. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!PRODUCT_IMAGE_KEY.test(key)) return Response.json({ error: "Not found" }, { status: 404 });
  const bytes = await fileStorage().get(key);
  if (!bytes) return Response.json({ error: "Not found" }, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": CONTENT_TYPES[key.split(".").pop() ?? ""] ?? "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}
