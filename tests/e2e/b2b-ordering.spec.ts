import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { expect, test, type Download, type Page } from "@playwright/test";
import { lettersOf, listSettled, logInAs, snap } from "./helpers";

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

async function sheetOf(download: Download) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bytesOf(download)) as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

interface Pick {
  slug: string;
  sku: string;
  firstQty: number;
  warehouse: string;
  free: number;
}

/** Finds a lamp with free stock at a warehouse of the buyer's region (read from its card). */
async function pickProduct(page: Page): Promise<Pick> {
  await page.goto("/b2b/catalog?cat=lighting-2");
  await listSettled(page, "catalog-products");
  const hrefs = await page.getByTestId("product-tile").locator("a[href*='/b2b/product/']").evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!))]);
  for (const href of hrefs.slice(0, 12)) {
    await page.goto(href);
    await expect(page.getByTestId("product-name")).toBeVisible();
    const firstQty = Number(await page.getByTestId("qty-input").inputValue());
    const rows = await page.getByTestId("stock-block").locator("li").evaluateAll((items) =>
      items.map((li) => ({ regional: li.querySelector("[data-slot=badge], .ml-2") !== null, name: li.querySelector("span")?.childNodes[0]?.textContent?.trim() ?? "", qty: li.querySelectorAll("span")[li.querySelectorAll("span").length - 1]?.textContent ?? "" })),
    );
    const best = rows
      .filter((r) => r.regional)
      .map((r) => ({ name: r.name, free: Number(r.qty.replace(/[^\d]/g, "")) }))
      .sort((a, b) => b.free - a.free)[0];
    if (best && best.free >= firstQty && best.free < 100_000) {
      return { slug: href.split("/").pop()!, sku: (await page.getByTestId("product-sku").textContent())!.trim(), firstQty, warehouse: best.name, free: best.free };
    }
  }
  throw new Error("no lamp with regional stock among the first tiles");
}

test("a buyer fills two carts, quick-orders from XLSX, checks out with a split and downloads the invoice", async ({ page }) => {
  test.setTimeout(180_000);
  const run = lettersOf(Date.now());
  await page.setViewportSize({ width: 1500, height: 1000 });
  page.on("dialog", (dialog) => void dialog.accept());
  await logInAs(page, "buyer");
  await expect(page.getByTestId("balance-widget")).toBeVisible();
  await expect(page.getByTestId("balance-limit")).toBeVisible();
  await snap(page, "b2b-ordering-home-balance");

  const product = await pickProduct(page);

  // Cart A: created on the cart page, filled from the product card.
  await page.goto("/b2b/cart");
  await page.getByTestId("new-cart-name").fill(`Объект A ${run}`);
  await page.getByTestId("new-cart-create").click();
  await expect(page.getByTestId("active-cart-name")).toHaveText(`Объект A ${run}`);
  await page.goto(`/b2b/product/${product.slug}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByText(`добавлено в корзину «Объект A ${run}»`)).toBeVisible();

  // Cart B: quick order from the downloaded template, filled with one good and two bad lines.
  await page.goto("/b2b/cart");
  await expect(page.getByTestId("cart-line").filter({ hasText: product.sku })).toBeVisible();
  await page.getByTestId("new-cart-name").fill(`Объект B ${run}`);
  await page.getByTestId("new-cart-create").click();
  await expect(page.getByTestId("active-cart-name")).toHaveText(`Объект B ${run}`);
  await expect(page.getByTestId("cart-empty")).toBeVisible();
  const [templateDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("quick-template").click()]);
  const template = await sheetOf(templateDownload);
  expect(template.getRow(1).values).toEqual([undefined, "SKU", "Quantity"]);
  const quantity = (Math.floor(product.free / product.firstQty) + 1) * product.firstQty;
  template.addRow([product.sku, quantity]);
  template.addRow([`NOSKU-${run}`, 5]);
  template.addRow([product.sku, "много"]);
  const filled = Buffer.from(await template.workbook.xlsx.writeBuffer());
  await page.getByTestId("quick-file").setInputFiles({ name: "quick-order.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: filled });
  const report = page.getByTestId("quick-report");
  await expect(report).toBeVisible();
  await expect(report.getByTestId("quick-report-line")).toHaveCount(3);
  await expect(report.locator("[data-ok=true]")).toHaveCount(1);
  await expect(report.getByTestId("quick-report-line").nth(1)).toContainText("неизвестный артикул");
  await expect(report.getByTestId("quick-report-line").nth(2)).toContainText("количество не число");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("carts-list")).toContainText(`Объект A ${run}`);
  await snap(page, "b2b-ordering-cart", { fullPage: true });

  // The cart exports to XLSX.
  const [exportDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("cart-export").click()]);
  const exported = await sheetOf(exportDownload);
  expect(exported.getRow(2).getCell(1).text).toBe(product.sku);
  expect(Number(exported.getRow(2).getCell(4).value)).toBe(quantity);

  // Checkout at the warehouse that has part of it: the order splits into "in stock now" and "later".
  await page.getByTestId("checkout-warehouse").selectOption({ label: product.warehouse });
  await page.getByTestId("checkout-consignee").selectOption({ index: 1 });
  await page.getByTestId("checkout-place").click();
  const result = page.getByTestId("checkout-result");
  await expect(result).toBeVisible();
  await expect(result.getByTestId("placed-order")).toHaveCount(2);
  await expect(result.locator("[data-availability=in_stock]")).toHaveCount(1);
  await expect(result.locator("[data-availability=later]")).toHaveCount(1);
  await snap(page, "b2b-ordering-checkout-split");
  const inStockNumber = (await result.locator("[data-availability=in_stock] a").textContent())!.trim();
  const laterNumber = (await result.locator("[data-availability=later] a").textContent())!.trim();

  // The in-stock order: its lines, its reservation, and the invoice PDF.
  await result.locator("[data-availability=in_stock] a").click();
  await expect(page.getByRole("heading", { name: new RegExp(inStockNumber) })).toBeVisible();
  await expect(page.getByTestId("order-line").filter({ hasText: product.sku })).toBeVisible();
  await expect(page.getByTestId("order-reservation")).toBeVisible();
  const [invoiceDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("invoice-download").click()]);
  expect(invoiceDownload.suggestedFilename()).toBe(`invoice-${inStockNumber}.pdf`);
  const parser = new PDFParse({ data: new Uint8Array(await bytesOf(invoiceDownload)) });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(text).toContain(`Счёт на оплату № ${inStockNumber}`);
  expect(text).toContain("ООО «СтройМаркет Центр»");
  expect(text).toContain(product.sku);
  expect(text).toContain("НДС 20%");
  await snap(page, "b2b-ordering-order", { fullPage: true });

  // The history finds both parts by number, marked online.
  await page.goto("/b2b/orders");
  await page.getByTestId("filter-number").fill(inStockNumber);
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await expect(page.getByTestId("order-row").first()).toHaveAttribute("data-number", inStockNumber);
  await expect(page.getByTestId("order-source").first()).toHaveText("Онлайн");
  await page.getByTestId("filter-number").fill("");
  await expect(page.locator(`[data-testid=order-row][data-number="${laterNumber}"]`)).toBeVisible();
  await snap(page, "b2b-ordering-history");

  // Cancelling releases the reservation (and keeps the demo stock for the next run).
  await page.locator(`[data-testid=order-row][data-number="${inStockNumber}"] a`).click();
  await page.getByTestId("order-cancel").click();
  await expect(page.getByTestId("order-status")).toHaveText("Отменён");
  await expect(page.getByTestId("order-cancel")).toHaveCount(0);
  await expect(page.getByTestId("order-reservation")).toHaveCount(0);

  // Staff: the later part is in the staff B2B orders list with its channel marks; confirm it.
  await page.context().clearCookies();
  await logInAs(page, "admin");
  await page.goto("/b2b-orders");
  await page.getByTestId("filter-number").fill(laterNumber);
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await snap(page, "b2b-ordering-staff-list");
  await page.getByTestId("order-row").locator("a").first().click();
  await expect(page.getByTestId("order-part")).toBeVisible();
  await page.getByTestId("status-confirmed").click();
  await expect(page.getByTestId("status-assembling")).toBeVisible();
  await page.getByTestId("create-shipment").click();
  await expect(page.getByTestId("shipment")).toHaveCount(1);
  await snap(page, "b2b-ordering-staff-order", { fullPage: true });
});
