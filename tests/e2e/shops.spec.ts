import { expect, test } from "@playwright/test";
import { lettersOf, logInAs, snap } from "./helpers";

test("an admin creates a shop, sees its key once, and the key works on the order API", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-shops").click();
  await expect(page.getByTestId("shop-row").first()).toBeVisible();
  // Relative counts and a per-run name: a retry runs against the first try's data.
  const shopsBefore = await page.getByTestId("shop-row").count();
  const run = lettersOf(Date.now());
  const shopName = `E2E Shop ${run}`;
  await snap(page, "shops", { fullPage: true });

  await page.getByTestId("add-shop").click();
  await page.locator("#shop-name").fill(shopName);
  await page.locator("#shop-hostname").fill("not a host");
  await page.getByTestId("shop-form-submit").click();
  await expect(page.getByTestId("error-shop-hostname")).toContainText(/hostname/i);
  await page.locator("#shop-hostname").fill(`${run}.e2e-shop.example`);
  await page.getByTestId("shop-form-submit").click();

  const apiId = (await page.getByTestId("secret-api_id").textContent())?.trim() ?? "";
  const apiKey = (await page.getByTestId("secret-api_key").textContent())?.trim() ?? "";
  expect(apiId).toMatch(/^shop_[0-9a-f]{12}$/);
  expect(apiKey).toMatch(/^sk_/);
  await snap(page, "shop-key-once");
  await page.getByRole("button", { name: /i have saved it/i }).click();
  await expect(page.getByTestId("shop-row")).toHaveCount(shopsBefore + 1);
  await expect(page.getByText(apiKey)).toHaveCount(0);

  const order = {
    customer: { first_name: "Ann", last_name: "Lee", email: "ann.lee@example.com", phone: "+1 555 000 1111", ip: "203.0.113.9" },
    billing: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
    shipping: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
    payment: { method: "paypal" },
    options: { delivery_id: 1, currency: "USD", shop_domain: `${run}.e2e-shop.example`, shop_order_id: "E2E-1" },
    products: [{ sku: "VTB-20-30", name: "VITAMIN B", quantity: 2, price: 20 }],
    shipping_method: { id: 1, price: 9.95 },
    total: 49.95,
  };
  const created = await request.post("/api/orders", { headers: { authorization: `Bearer ${apiId}:${apiKey}` }, data: order });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { result: boolean; id: string };
  expect(body.result).toBe(true);
  expect(body.id).toMatch(/^ord_/);

  await page.getByTestId("shop-row").filter({ hasText: shopName }).getByTestId("rotate-key").click();
  await expect(page.getByTestId("secret-api_key")).toBeVisible();
  await page.getByRole("button", { name: /i have saved it/i }).click();
  const refused = await request.post("/api/orders", { headers: { authorization: `Bearer ${apiId}:${apiKey}` }, data: { ...order, options: { ...order.options, shop_order_id: "E2E-2" } } });
  expect(refused.status()).toBe(401);
});

test("an admin sets an exchange rate", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-fx-rates").click();
  await expect(page.getByTestId("fx-table")).toContainText("EUR");
  await page.locator("#fx-currency").fill("CHF");
  await page.locator("#fx-rate").fill("1.1312");
  await page.getByRole("button", { name: /save rate/i }).click();
  await expect(page.getByTestId("fx-table")).toContainText("CHF");
  await expect(page.getByTestId("fx-table")).toContainText("1.131200");
  await snap(page, "fx-rates");
});
