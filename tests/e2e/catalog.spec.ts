import { expect, test, type Page } from "@playwright/test";
import { listSettled, logInAs, snap } from "./helpers";

/** Waits for the products that answer the URL now shown (see useAnsweredUrl). */
async function settled(page: Page) {
  await listSettled(page, "catalog-products");
}

async function totalOf(page: Page): Promise<number> {
  return Number(await page.getByTestId("catalog-total").getAttribute("data-total"));
}

test("a buyer browses a section, filters with counts, searches with a typo, and uses the product card", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await logInAs(page, "buyer");
  await expect(page).toHaveURL(/\/b2b$/);
  await expect(page.getByTestId("key-sections")).toBeVisible();
  await expect(page.getByTestId("new-products-item").first()).toBeVisible();
  await snap(page, "catalog-home", { fullPage: true });

  // Browse: the tree opens a top section, then one of its subsections.
  await page.getByTestId("open-catalog").click();
  await expect(page).toHaveURL(/\/b2b\/catalog$/);
  await settled(page);
  await page.locator('[data-testid="category-link"][data-slug="wiring-devices"]').click();
  await expect(page).toHaveURL(/cat=wiring-devices(&|$)/);
  await settled(page);
  await page.locator('[data-testid="category-link"][data-slug="wiring-devices-1"]').click();
  await expect(page).toHaveURL(/cat=wiring-devices-1(&|$)/);
  await settled(page);
  await expect(page.getByTestId("catalog-heading")).toHaveText("Розетки");
  const sectionTotal = await totalOf(page);
  expect(sectionTotal).toBeGreaterThan(24);
  await expect(page.getByTestId("product-tile")).toHaveCount(24);

  // Filter by a facet value: the list shrinks to exactly the count the facet promised.
  const colour = page.getByTestId("facet-enum").filter({ hasText: "Цвет" });
  const white = colour.getByTestId("facet-value").filter({ hasText: "белый" });
  const promised = Number(await white.getAttribute("data-count"));
  expect(promised).toBeGreaterThan(0);
  expect(promised).toBeLessThan(sectionTotal);
  await white.locator("button[role=checkbox]").click();
  await expect(page).toHaveURL(/[?&]v=/);
  await settled(page);
  expect(await totalOf(page)).toBe(promised);
  // The facet's own counts ignore its selection: "белый" still shows the same number.
  await expect(white).toHaveAttribute("data-count", String(promised));
  await snap(page, "catalog-filtered", { fullPage: true });

  // Grid/list toggle keeps its state in the URL.
  await page.getByTestId("view-list").click();
  await expect(page).toHaveURL(/view=list/);
  await snap(page, "catalog-list-view", { fullPage: false });

  // A typo: "розтка" finds sockets through the trigram fallback.
  await page.getByTestId("clear-filters").click();
  await settled(page);
  await page.getByTestId("catalog-search").fill("розтка");
  await expect(page).toHaveURL(/q=%D1%80%D0%BE%D0%B7%D1%82%D0%BA%D0%B0/);
  await settled(page);
  await expect(page.getByTestId("fuzzy-notice")).toBeVisible();
  await expect(page.getByTestId("tile-name").first()).toContainText(/Розетка/);
  await snap(page, "catalog-typo-search", { fullPage: false });

  // A lamp: sold by the piece in tens, or by the pack and the box.
  await page.goto("/b2b/catalog?cat=lighting-2");
  await settled(page);
  await page.getByTestId("tile-name").first().click();
  await expect(page).toHaveURL(/\/b2b\/product\//);
  await expect(page.getByTestId("product-card")).toBeVisible();
  for (const block of ["gallery", "stock-block", "properties", "description", "documents", "recommended", "new-products", "reviews"]) {
    await expect(page.getByTestId(block)).toBeVisible();
  }
  const qty = page.getByTestId("qty-input");
  await expect(qty).toHaveValue("10");
  await page.getByTestId("qty-increase").click();
  await expect(qty).toHaveValue("20");
  await page.getByTestId("qty-decrease").click();
  await page.getByTestId("qty-decrease").click();
  await expect(qty).toHaveValue("10");
  await qty.fill("25");
  await qty.press("Enter");
  await expect(qty).toHaveValue("30");
  await page.getByTestId("unit-pack").click();
  await expect(qty).toHaveValue("1");
  await page.getByTestId("qty-increase").click();
  await expect(qty).toHaveValue("2");
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByText(/добавлено в корзину/)).toBeVisible();

  // Favorite (idempotent across retries: only switch it on when it is off).
  const productName = (await page.getByTestId("product-name").textContent())!.trim();
  const heart = page.getByTestId("card-favorite");
  if ((await heart.getAttribute("aria-pressed")) !== "true") await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");

  // A review: one per buyer, so a retry replaces the previous try's.
  const text = `Лампа светит ровно, проверено ${stamp}`;
  await page.getByTestId("rate-4").click();
  await page.getByTestId("review-text").fill(text);
  await page.getByTestId("review-submit").click();
  await expect(page.getByTestId("review").filter({ hasText: text })).toBeVisible();
  await expect(page.getByTestId("rating-summary")).toContainText(/4/);
  await snap(page, "catalog-product-card", { fullPage: true });

  await page.goto("/b2b/favorites");
  await expect(page.getByTestId("favorites-list")).toContainText(productName);
  await snap(page, "catalog-favorites", { fullPage: true });

  // Dark mode.
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.goto("/b2b/catalog?cat=wiring-devices-1");
  await settled(page);
  await snap(page, "catalog-dark", { fullPage: true });
  await page.goBack();
  await page.getByTestId("product-tile").first().getByTestId("tile-name").click();
  await expect(page.getByTestId("product-card")).toBeVisible();
  await expect(page.getByTestId("gallery")).toBeVisible();
  await snap(page, "catalog-product-card-dark", { fullPage: true });
  await page.getByTestId("theme-toggle").click();
});

test("staff read the product list with search; a buyer may not", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAs(page, "manager");
  await page.goto("/catalog");
  await listSettled(page, "staff-products");
  await expect(page.getByTestId("staff-product-row")).toHaveCount(24);
  await page.getByTestId("staff-catalog-search").fill("выключатль");
  await expect(page).toHaveURL(/q=/);
  await listSettled(page, "staff-products");
  await expect(page.getByTestId("staff-product-row").first()).toContainText(/выключатель/i);
  await snap(page, "catalog-staff", { fullPage: true });
});
