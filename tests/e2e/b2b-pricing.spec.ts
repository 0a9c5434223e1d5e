import { expect, test, type Page } from "@playwright/test";
import { listSettled, logInAs, snap } from "./helpers";

const SECTION = "/b2b/catalog?cat=wiring-devices-1";

async function switchCompany(page: Page): Promise<string> {
  const before = (await page.getByTestId("active-company-name").textContent())!.trim();
  await page.getByTestId("company-switcher").click();
  await page.locator('[data-testid="company-option"][data-active="false"]').first().click();
  await expect(page.getByTestId("active-company-name")).not.toHaveText(before);
  return (await page.getByTestId("active-company-name").textContent())!.trim();
}

async function tilePrice(page: Page, sku: string): Promise<string> {
  await page.goto(SECTION);
  await listSettled(page, "catalog-products");
  return (await page.locator(`[data-testid="product-tile"][data-sku="${sku}"]`).getByTestId("tile-price").textContent())!.trim();
}

test("switching the active company changes the prices on the catalog and the product card", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await logInAs(page, "buyer");
  await page.goto(SECTION);
  await listSettled(page, "catalog-products");
  const tile = page.getByTestId("product-tile").first();
  const sku = (await tile.getAttribute("data-sku"))!;
  const catalogBefore = await tilePrice(page, sku);
  await page.locator(`[data-testid="product-tile"][data-sku="${sku}"]`).getByTestId("tile-name").click();
  const cardBefore = (await page.getByTestId("card-price").textContent())!.trim();

  const other = await switchCompany(page);
  try {
    // The card re-prices in place (every query is refetched), and the catalog shows the new prices.
    await expect(page.getByTestId("card-price")).not.toHaveText(cardBefore);
    await snap(page, "b2b-pricing-card-after-switch", { fullPage: false });
    const catalogAfter = await tilePrice(page, sku);
    expect(catalogAfter, `prices of ${sku} for ${other}`).not.toBe(catalogBefore);
    await snap(page, "b2b-pricing-catalog-after-switch", { fullPage: false });
  } finally {
    await switchCompany(page);
  }
  expect(await tilePrice(page, sku)).toBe(catalogBefore);
});
