import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { lettersOf, listSettled, logInAs, snap } from "./helpers";

async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync(await download.path());
}

/** A dimmer of the demo supplier ("Светорегулятор…" in the section «Диммеры») with free stock at a warehouse of the buyer's region. */
async function pickSupplierProduct(page: Page) {
  await page.goto("/b2b/catalog?q=Светорегулятор");
  await listSettled(page, "catalog-products");
  const hrefs = await page.getByTestId("product-tile").locator("a[href*='/b2b/product/']").evaluateAll((links) => [...new Set(links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!))]);
  for (const href of hrefs.slice(0, 12)) {
    await page.goto(href);
    await expect(page.getByTestId("product-name")).toBeVisible();
    if (!(await page.getByTestId("product-name").textContent())?.includes("Светорегулятор")) continue;
    const firstQty = Number(await page.getByTestId("qty-input").inputValue());
    const rows = await page.getByTestId("stock-block").locator("li").evaluateAll((items) =>
      items.map((li) => ({ regional: li.querySelector("[data-slot=badge], .ml-2") !== null, name: li.querySelector("span")?.childNodes[0]?.textContent?.trim() ?? "", qty: li.querySelectorAll("span")[li.querySelectorAll("span").length - 1]?.textContent ?? "" })),
    );
    const best = rows
      .filter((r) => r.regional)
      .map((r) => ({ name: r.name, free: Number(r.qty.replace(/[^\d]/g, "")) }))
      .sort((a, b) => b.free - a.free)[0];
    if (best && best.free >= firstQty && best.free < 100_000) return { slug: href.split("/").pop()!, sku: (await page.getByTestId("product-sku").textContent())!.trim(), warehouse: best.name };
  }
  throw new Error("no supplier dimmer with regional stock among the first tiles");
}

test("a buyer orders a supplier's product; the supplier confirms and ships it with a waybill; the buyer sees it; statistics and statements", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const run = lettersOf(Date.now());
  await page.setViewportSize({ width: 1500, height: 1000 });
  await logInAs(page, "buyer");
  const product = await pickSupplierProduct(page);

  await page.goto("/b2b/cart");
  await page.getByTestId("new-cart-name").fill(`Поставщик ${run}`);
  await page.getByTestId("new-cart-create").click();
  await expect(page.getByTestId("active-cart-name")).toHaveText(`Поставщик ${run}`);
  await page.goto(`/b2b/product/${product.slug}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByText(`добавлено в корзину «Поставщик ${run}»`)).toBeVisible();
  await page.goto("/b2b/cart");
  await expect(page.getByTestId("cart-line").filter({ hasText: product.sku })).toBeVisible();
  await page.getByTestId("checkout-warehouse").selectOption({ label: product.warehouse });
  await page.getByTestId("checkout-consignee").selectOption({ index: 1 });
  await page.getByTestId("checkout-place").click();
  const result = page.getByTestId("checkout-result");
  await expect(result.getByTestId("placed-order")).toHaveCount(1);
  await result.locator("[data-availability=in_stock] a").click();

  // The buyer's order shows the supplier's part, new.
  const parts = page.getByTestId("order-supplier-parts");
  await expect(parts).toBeVisible();
  const part = parts.getByTestId("order-supplier-part").first();
  await expect(part).toContainText("ООО «ЭлектроПоставка»");
  await expect(part.getByTestId("order-supplier-part-status")).toHaveAttribute("data-status", "new");
  const partNumber = (await part.getAttribute("data-number"))!;
  const buyerOrderUrl = page.url();

  // The supplier sees the part in its list, confirms it, uploads a waybill and ships it with tracking.
  const supplierContext = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
  const supplier = await supplierContext.newPage();
  await logInAs(supplier, "supplier");
  await supplier.goto("/supplier/orders");
  await supplier.getByTestId("orders-search").fill(partNumber);
  const row = supplier.getByTestId("supplier-order-row").filter({ hasText: partNumber });
  await expect(row).toHaveCount(1);
  await supplier.getByTestId("orders-search").fill("");
  await expect(supplier.getByTestId("supplier-order-row").nth(1)).toBeVisible();
  await snap(supplier, "supplier-orders-list", { fullPage: true });
  await supplier.getByTestId("orders-search").fill(partNumber);
  await row.getByRole("link", { name: partNumber }).click();
  await expect(supplier.getByTestId("part-status")).toHaveAttribute("data-status", "new");
  await expect(supplier.getByTestId("part-line").filter({ hasText: product.sku })).toBeVisible();
  await expect(supplier.getByTestId("part-buyer")).toContainText("ИНН");
  await supplier.getByTestId("part-confirm").click();
  await expect(supplier.getByTestId("part-status")).toHaveAttribute("data-status", "confirmed");
  await supplier.getByTestId("doc-file").setInputFiles({ name: `ТТН-${run}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% demo waybill\n") });
  await supplier.getByTestId("doc-upload").click();
  await expect(supplier.getByTestId("part-document")).toContainText(`ТТН-${run}.pdf`);
  await supplier.getByTestId("part-tracking-input").fill(`CDEK-${run}`);
  await supplier.getByTestId("part-ship").click();
  await expect(supplier.getByTestId("part-status")).toHaveAttribute("data-status", "shipped");
  await expect(supplier.getByTestId("part-tracking")).toContainText(`CDEK-${run}`);
  await snap(supplier, "supplier-order-details", { fullPage: true });

  // The buyer sees the part shipped, with its tracking number and the waybill.
  await page.goto(buyerOrderUrl);
  const shipped = page.getByTestId("order-supplier-part").filter({ hasText: partNumber });
  await expect(shipped.getByTestId("order-supplier-part-status")).toHaveAttribute("data-status", "shipped");
  await expect(shipped).toContainText(`CDEK-${run}`);
  const [waybill] = await Promise.all([page.waitForEvent("download"), shipped.getByTestId("order-supplier-document").click()]);
  expect((await bytesOf(waybill)).toString()).toContain("demo waybill");
  await snap(page, "supplier-orders-buyer-order", { fullPage: true });

  // Statistics: today's sale counts; the period lives in the URL; CSV export.
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);
  await supplier.goto(`/supplier/statistics?from=${from}&to=${today}&granularity=week`);
  await expect(supplier.getByTestId("kpi-orders")).toBeVisible();
  expect(Number((await supplier.getByTestId("kpi-orders").locator("div.text-2xl").textContent())!.replace(/\D/g, ""))).toBeGreaterThan(0);
  await expect(supplier.getByTestId("stats-top")).toContainText(product.sku);
  await expect(supplier.getByTestId("stats-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const [csv] = await Promise.all([supplier.waitForEvent("download"), supplier.getByTestId("stats-csv").click()]);
  expect((await bytesOf(csv)).toString()).toContain(product.sku);
  await snap(supplier, "supplier-statistics", { fullPage: true });

  // Finance: the demo statements (one paid, one pending), rows, and the XLSX parsed back.
  await supplier.goto("/supplier/finance");
  await expect(supplier.getByTestId("statement-row")).toHaveCount(2);
  await expect(supplier.locator("[data-testid=payout-status][data-status=paid]")).toHaveCount(1);
  await supplier.getByTestId("statement-open").first().click();
  await expect(supplier.getByTestId("statement-rows")).toBeVisible();
  const [xlsx] = await Promise.all([supplier.waitForEvent("download"), supplier.getByTestId("statement-xlsx").first().click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bytesOf(xlsx)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  expect(sheet.getRow(1).getCell(2).text).toBe("ООО «ЭлектроПоставка»");
  expect(sheet.getRow(6).getCell(1).text).toBe("Order part");
  expect(sheet.getRow(7).getCell(1).text).toMatch(/^B2B-\d+\/S1$/);
  await snap(supplier, "supplier-finance", { fullPage: true });
  await supplierContext.close();

  // Staff: the B2B order shows the supplier part with the commission; the finance page lists rules and statements.
  await page.context().clearCookies();
  await logInAs(page, "admin");
  await page.goto(buyerOrderUrl.replace("/b2b/orders/", "/b2b-orders/"));
  await expect(page.getByTestId("order-supplier-part").filter({ hasText: partNumber })).toBeVisible();
  await snap(page, "supplier-orders-staff-order", { fullPage: true });
  await page.goto("/supplier-finance");
  await expect(page.getByTestId("commission-rule").first()).toBeVisible();
  await expect(page.getByTestId("staff-statement")).not.toHaveCount(0);
  await snap(page, "supplier-finance-staff", { fullPage: true });
});
