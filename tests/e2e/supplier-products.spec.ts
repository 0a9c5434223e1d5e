import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { logInAs, snap } from "./helpers";

const run = Date.now().toString(36).toUpperCase();
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

async function chooseCategory(page: import("@playwright/test").Page, name: string) {
  const select = page.getByTestId("product-category");
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

test("a supplier adds a product, a moderator approves it with the diff shown, a buyer finds it", async ({ page }) => {
  const sku = `E2E-${run}`;
  const name = `Диммер поворотный E2E ${run}`;
  await logInAs(page, "supplier");
  await page.goto("/supplier/products");
  await expect(page.getByTestId("products-table")).toBeVisible();
  await snap(page, "supplier-products-list");
  await page.getByTestId("new-product").click();
  await page.getByTestId("product-sku").fill(sku);
  await page.getByTestId("product-name").fill(name);
  await chooseCategory(page, "Диммеры");
  await page.getByTestId("product-description").fill("Диммер для ламп накаливания, 600 Вт");
  await page.getByTestId("price-default").fill("990");
  await page.getByTestId("stock-first").fill("25");
  await page.getByTestId("image-input").setInputFiles({ name: "dimmer.png", mimeType: "image/png", buffer: Buffer.from(PNG_1X1, "base64") });
  await expect(page.getByTestId("product-images").locator("img")).toHaveCount(1);
  await snap(page, "supplier-product-new");
  await page.getByTestId("create-product").click();
  await expect(page).toHaveURL(/\/supplier\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("product-status").first()).toHaveAttribute("data-status", "on_moderation");
  await snap(page, "supplier-product-edit");
  await page.context().clearCookies();

  await logInAs(page, "content_moderator");
  await page.goto("/moderation");
  const item = page.getByTestId("moderation-item").filter({ hasText: sku });
  await expect(item).toBeVisible();
  await expect(item.getByTestId("diff-after").first()).toHaveText(name);
  await expect(item.getByTestId("diff-table").locator("img")).toHaveCount(1);
  await snap(page, "moderation-queue", { fullPage: true });
  await item.getByTestId("approve").click();
  await expect(item).toHaveCount(0);
  await page.context().clearCookies();

  await logInAs(page, "buyer");
  await page.goto("/b2b/catalog");
  await page.getByTestId("catalog-search").fill(sku);
  await expect(page.getByText(name).first()).toBeVisible();
});

test("bulk import of an XLSX shows per-row errors and imports the good rows", async ({ page }) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Products");
  sheet.addRow(["SKU", "Name", "Category", "Price", "Stock"]);
  sheet.addRow([`IMP-${run}-1`, `Импорт ${run} один`, "Диммеры", 120.5, 10]);
  sheet.addRow([`IMP-${run}-2`, `Импорт ${run} два`, "Несуществующая категория", 50, 5]);
  sheet.addRow([`IMP-${run}-3`, "", "Диммеры", "дорого", 1]);
  sheet.addRow([`IMP-${run}-1`, "Повтор", "Диммеры", 1, 1]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await logInAs(page, "supplier");
  await page.goto("/supplier/products/import");
  await page.getByTestId("import-file").setInputFiles({ name: "products.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await expect(page.getByTestId("import-row")).toHaveCount(4);
  await expect(page.getByTestId("import-row").nth(1).getByTestId("import-row-errors")).toHaveText(/Неизвестная категория|Unknown category/);
  await expect(page.getByTestId("import-row").nth(2).getByTestId("import-row-errors")).toHaveText(/Нет названия|Name is missing/);
  await expect(page.getByTestId("import-row").nth(3).getByTestId("import-row-errors")).toHaveText(/повторяет|repeats/);
  await snap(page, "supplier-import-preview");
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toBeVisible();
  await page.goto("/supplier/products");
  await page.getByTestId("products-search").fill(`IMP-${run}`);
  await expect(page.getByTestId("product-row")).toHaveCount(1);
  await expect(page.getByTestId("product-row").getByTestId("product-status")).toHaveAttribute("data-status", "on_moderation");
});
