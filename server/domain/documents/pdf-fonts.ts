import path from "node:path";

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: it covers Latin and Cyrillic, pdfkit's
 * built-in fonts do not. Found from the app's root (the server's working directory): inside the
 * Next.js bundle require.resolve yields a module id, not a path.
 */
export function pdfFontPath(file: "DejaVuSans.ttf" | "DejaVuSans-Bold.ttf"): string {
  return path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", file);
}
