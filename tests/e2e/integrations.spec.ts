import { expect, test } from "@playwright/test";
import { lettersOf, logInAs, snap } from "./helpers";

test("an admin creates a YML feed, generates it and the marketplace URL serves the XML", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await logInAs(page, "admin");
  await page.goto("/catalog/feeds");
  await page.getByTestId("feed-add").click();
  const name = `Yandex ${lettersOf(Date.now())}`;
  await page.locator("#feed-name").fill(name);
  await page.locator("#feed-shopName").fill("Электро-Опт");
  await page.locator("#feed-companyName").fill("ООО «Т3 Трейд»");
  await page.locator("#feed-shopUrl").fill("https://shop.example");
  await page.locator("#feed-title").fill("Электротехника оптом");
  // A demo section by name: the 1C exchange spec imports sections (sorted first) whose goods carry no demo prices.
  await page.getByTestId("feed-sections").locator("label", { hasText: /^Кабель и провод$/ }).getByRole("checkbox").click();
  await page.getByTestId("feed-save").click();
  const row = page.locator(`[data-testid="feed-row"][data-name="${name}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId("feed-generate").click();
  await expect(row.getByTestId("feed-files")).toBeVisible({ timeout: 30_000 });
  await snap(page, "staff-feeds", { fullPage: false });
  const url = (await row.getByTestId("feed-url").getAttribute("data-url"))!;
  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  const xml = await response.text();
  expect(xml).toContain("<yml_catalog");
  expect(xml).toContain("<company>ООО «Т3 Трейд»</company>");
  expect((xml.match(/<offer /g) ?? []).length).toBeGreaterThan(10);
});

test("an admin registers a webhook endpoint and sees its secret once and the delivery log", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await logInAs(page, "admin");
  await page.goto("/settings/webhooks");
  // A port nobody listens on refuses at once; the endpoint is deleted at the end, so the specs
  // after this one do not feed the shared worker failing deliveries.
  const url = `http://127.0.0.1:9/${lettersOf(Date.now())}`;
  await page.getByTestId("webhook-url").fill(url);
  await page.getByTestId("webhook-add").click();
  await expect(page.getByTestId("webhook-secret")).toHaveText(/^whsec_/);
  const row = page.getByTestId("webhook-endpoint").filter({ hasText: url });
  await expect(row).toBeVisible();
  await snap(page, "staff-webhooks", { fullPage: false });
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  page.on("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /Delete|Удалить/ }).click();
  await expect(row).toHaveCount(0);
});
