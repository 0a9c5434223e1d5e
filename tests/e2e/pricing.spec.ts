import { expect, test, type Page } from "@playwright/test";
import { lettersOf, logInAs, snap } from "./helpers";

const run = lettersOf(Date.now()); // per run: a retry never meets the first try's rules

async function openTab(page: Page, tab: "types" | "discounts" | "mass" | "tiers" | "conflict") {
  await page.getByTestId(`pricing-tab-${tab}`).click();
  await expect(page).toHaveURL(new RegExp(`tab=${tab}`));
}

test("an admin sets up price types, discounts, mass rules, tiers and the conflict rule", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-pricing").click();
  await expect(page.getByTestId("page-title")).toHaveText(/pricing/i);

  // Price types: add one, ranked after the others.
  await openTab(page, "types");
  await page.getByTestId("add-price-type").click();
  await page.locator("#pt-name").fill(`E2E type ${run}`);
  await page.locator("#pt-code").fill(`e2e_${run}`);
  await page.locator("#pt-rank").fill("40");
  await page.getByTestId("price-type-save").click();
  const typeRow = page.getByTestId("price-type-row").filter({ hasText: `E2E type ${run}` });
  await expect(typeRow).toContainText(`e2e_${run}`);
  await expect(typeRow).toContainText("RUB");
  await snap(page, "pricing-types", { fullPage: true });

  // Discounts: a SKU-list discount for everyone; the form refuses a missing SKU list first.
  await openTab(page, "discounts");
  await page.getByTestId("add-discount").click();
  await page.locator("#dr-name").fill(`E2E SKUs ${run}`);
  await page.getByTestId("dr-target").click();
  await page.getByRole("option", { name: /sku list/i }).click();
  await page.locator("#dr-percent").fill("7.5");
  await page.getByTestId("discount-save").click();
  await expect(page.getByTestId("error-dr-skus")).toHaveText(/at least one sku/i);
  await page.locator("#dr-skus").fill(`e2e-${run}-1\ne2e-${run}-2`);
  await snap(page, "pricing-discount-form");
  await page.getByTestId("discount-save").click();
  const discountRow = page.getByTestId("discount-row").filter({ hasText: `E2E SKUs ${run}` });
  await expect(discountRow).toContainText("7.5%");
  await expect(discountRow).toContainText(`E2E-${run.toUpperCase()}-1`);
  await page.getByTestId("discount-search").fill(`E2E SKUs ${run}`);
  await expect(page.getByTestId("discount-row")).toHaveCount(1);
  await snap(page, "pricing-discounts", { fullPage: true });
  // Deactivate: it leaves the "active" list and shows under "inactive".
  await discountRow.getByTestId("discount-toggle").click();
  await expect(page.getByTestId("discount-row")).toHaveCount(0);
  await page.getByTestId("discount-filter-status").click();
  await page.getByRole("option", { name: /^inactive$/i }).click();
  await expect(page.getByTestId("discount-row").filter({ hasText: `E2E SKUs ${run}` })).toContainText(/inactive/i);

  // Mass rule: +3 % for a line, everywhere.
  await openTab(page, "mass");
  await page.getByTestId("add-mass-rule").click();
  await page.locator("#mr-name").fill(`E2E line ${run} +3`);
  await page.locator("#mr-line").fill(`Line${run}`);
  await page.locator("#mr-adjust").fill("3");
  await page.getByTestId("mass-save").click();
  await expect(page.getByTestId("mass-row").filter({ hasText: `E2E line ${run} +3` })).toContainText("+3%");
  await snap(page, "pricing-mass-rules", { fullPage: true });

  // Tier: from 250,000 RUB to the new type.
  await openTab(page, "tiers");
  await page.getByTestId("add-tier").click();
  await page.locator("#tier-name").fill(`E2E tier ${run}`);
  await page.locator("#tier-threshold").fill("250000");
  await page.getByTestId("tier-type").click();
  await page.getByRole("option", { name: new RegExp(`E2E type ${run}`) }).click();
  await page.getByTestId("tier-save").click();
  const tierRow = page.getByTestId("tier-row").filter({ hasText: `E2E tier ${run}` });
  await expect(tierRow).toContainText("250,000.00 RUB");
  await expect(tierRow).toContainText(`E2E type ${run}`);
  await snap(page, "pricing-tiers", { fullPage: true });

  // Conflict rule: switch to priority and back.
  await openTab(page, "conflict");
  await page.getByTestId("conflict-priority").click();
  await expect(page.getByTestId("conflict-priority").locator("input")).toBeChecked();
  await snap(page, "pricing-conflict-rule");
  await page.getByTestId("conflict-largest").click();
  await expect(page.getByTestId("conflict-largest").locator("input")).toBeChecked();
});

test("the price check explains what it finds and names what it does not", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-pricing-check").click();
  await expect(page.getByTestId("page-title")).toHaveText(/price check/i);
  await page.locator("#pc-items").fill(`NOPE-${run} 2\nNOPE-${run}-B`);
  await page.getByTestId("pc-run").click();
  await expect(page.getByTestId("pc-not-found")).toContainText(`NOPE-${run}, NOPE-${run}-B`);
  await expect(page.getByTestId("pc-total")).toContainText("0.00");
  await snap(page, "pricing-price-check", { fullPage: true });
});

test("a manager may check prices but not open the pricing admin", async ({ page }) => {
  await logInAs(page, "manager");
  await expect(page.getByTestId("nav-settings-pricing-check")).toBeVisible();
  await expect(page.getByTestId("nav-settings-pricing")).toHaveCount(0);
  await page.goto("/settings/pricing");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await page.goto("/settings/pricing/check");
  await expect(page.getByTestId("page-title")).toHaveText(/price check/i);
});
