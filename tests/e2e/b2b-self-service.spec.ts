import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { logInAs, snap } from "./helpers";

test("a buyer downloads a price list of chosen sections as XLSX and PDF", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await logInAs(page, "buyer");
  await page.goto("/b2b/price-list");
  const section = page.getByTestId("price-list-section").first();
  await expect(section).toBeVisible();
  const sectionName = (await section.getAttribute("data-name"))!;
  await section.click();
  await expect(page.getByTestId("price-list-chosen")).not.toHaveText(/No sections|не выбраны/);
  await snap(page, "b2b-price-list", { fullPage: false });

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("price-list-xlsx").click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^price-list-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const header = rows.findIndex((row) => row[0] === "SKU" || row[0] === "Артикул");
  expect(header).toBeGreaterThan(0);
  const items = rows.slice(header + 1);
  expect(items.length).toBeGreaterThan(0);
  // Every item belongs to the chosen top section's subtree and carries a price or "on request".
  for (const item of items) expect(typeof item[5] === "number" || typeof item[5] === "string").toBe(true);
  const firstSku = String(items[0]![0]);

  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("price-list-pdf").click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const parser = new PDFParse({ data: new Uint8Array(await readFile((await pdfDownload.path())!)) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(text).toContain(firstSku);
  expect(text.length).toBeGreaterThan(200);
  expect(sectionName.length).toBeGreaterThan(0);
});

test("a buyer sees the personal manager on the home page and asks a question", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await logInAs(page, "buyer");
  await page.goto("/b2b");
  const card = page.getByTestId("personal-manager");
  await expect(card.getByTestId("personal-manager-name")).not.toBeEmpty();
  await snap(page, "b2b-home-personal-manager", { fullPage: false });
  await card.getByTestId("ask-manager").click();
  await page.getByTestId("ask-manager-text").fill(`Can we get a 30-day payment delay? (${Date.now()})`);
  await page.getByTestId("ask-manager-send").click();
  await expect(page.getByText(/Your question went to|Вопрос отправлен/)).toBeVisible();
});

test("a buyer issues a catalog API key and the API answers with it; a reset revokes the old key", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await logInAs(page, "buyer");
  await page.goto("/b2b/api");
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("api-key-issue").click();
  const first = (await page.getByTestId("api-key-fresh").textContent())!.trim();
  expect(first).toMatch(/^b2bk_/);
  await snap(page, "b2b-catalog-api", { fullPage: false });
  const products = await page.request.get("/api/v1/catalog/products?limit=5", { headers: { authorization: `Bearer ${first}` } });
  expect(products.status()).toBe(200);
  const body = (await products.json()) as { products: Array<{ sku: string; variants: Array<{ price: { amount: string } | null }> }>; next: string | null };
  expect(body.products).toHaveLength(5);
  expect(body.next).toBe(body.products[4]!.sku);
  expect(body.products.some((p) => p.variants.some((v) => v.price !== null))).toBe(true);

  await page.getByTestId("api-key-issue").click();
  await expect(page.getByTestId("api-key-fresh")).not.toHaveText(first);
  const second = (await page.getByTestId("api-key-fresh").textContent())!.trim();
  expect((await page.request.get("/api/v1/catalog/sections", { headers: { authorization: `Bearer ${first}` } })).status()).toBe(401);
  expect((await page.request.get("/api/v1/catalog/sections", { headers: { "x-api-key": second } })).status()).toBe(200);
  const openapi = (await (await page.request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toContain("/api/v1/catalog/products");
});
