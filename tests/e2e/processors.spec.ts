import { expect, test, type Page } from "@playwright/test";
import { E2E_SHOP_KEY } from "../../playwright.config";
import { lettersOf, logInAs, snap } from "./helpers";

const run = lettersOf(Date.now()); // per run: a retry must not meet the first try's processor

async function submitUsdCardOrder(page: Page, shopOrderId: string, pan: string) {
  const response = await page.request.post("/api/orders", {
    headers: { authorization: `Bearer shop_demo01:${E2E_SHOP_KEY}` },
    data: {
      customer: { first_name: "Paula", last_name: "Payer", email: `${shopOrderId.toLowerCase()}@example.com`, phone: "+1 555 123 4567", ip: "203.0.113.8" },
      billing: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
      shipping: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
      payment: { method: "credit_card", card_number: pan, card_expire_month: "12", card_expire_year: "2030", card_cvv: "123", cardholder: "PAULA PAYER" },
      options: { delivery_id: 1, currency: "USD", shop_domain: "vitastore.example", shop_order_id: shopOrderId },
      products: [{ sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", option_value: "30 pills", quantity: 1, price: 20 }],
      shipping_method: { id: 1, price: 9.95 },
      language: "ENG",
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("an admin creates a processor (secret shown once), sees it in the table and switches it off", async ({ page }) => {
  await page.setViewportSize({ width: 1680, height: 1000 });
  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-processors").click();
  await expect(page.getByTestId("page-title")).toHaveText(/payment processors/i);
  await expect(page.getByTestId("processor-row").filter({ hasText: "CardPay" })).toBeVisible();
  await snap(page, "processors", { fullPage: true });

  await page.getByTestId("add-processor").click();
  await page.getByTestId("processor-form-submit").click();
  await expect(page.getByTestId("error-processor-name")).toHaveText(/enter a name/i);
  await page.locator("#processor-name").fill(`E2E Gateway ${run}`);
  await page.locator("#processor-code").fill(`e2e-gateway-${run}`);
  await page.locator("#processor-currencies").fill("eur, usd");
  await page.locator("#processor-dailyCap").fill("2500");
  await page.locator("#processor-feePercent").fill("2.5");
  await page.locator("#processor-baseUrl").fill("http://127.0.0.1:9");
  await page.locator("#processor-apiKey").fill("sk_e2e_typed_key");
  await snap(page, "processor-form");
  await page.getByTestId("processor-form-submit").click();

  const secret = page.getByTestId("processor-secret-webhook_secret");
  await expect(secret).toContainText(/whsec_/);
  const value = (await secret.textContent())?.trim() ?? "";
  await expect(page.getByTestId("processor-secret-callback")).toContainText(`/api/callbacks/e2e-gateway-${run}`);
  await snap(page, "processor-secret-once");
  await page.getByTestId("processor-secret-done").click();

  const row = page.getByTestId("processor-row").filter({ hasText: `E2E Gateway ${run}` });
  await expect(row).toContainText("EUR, USD");
  await expect(row).toContainText("2.50 %");
  await expect(row).toContainText("$2,500");
  await expect(row).toContainText(/active/i);
  await expect(page.getByText(value)).toHaveCount(0);
  await expect(page.getByText("sk_e2e_typed_key")).toHaveCount(0);

  await row.getByTestId("processor-toggle").click();
  await expect(row).toContainText(/switched off/i);
  await expect(row.getByTestId("processor-toggle")).toHaveAttribute("data-state", "unchecked");

  // Editing keeps the credentials unseen: the form shows them blank with a hint.
  await row.getByTestId("processor-edit").click();
  await expect(page.locator("#processor-apiKey")).toHaveValue("");
  await expect(page.getByText(/a value is stored/i).first()).toBeVisible();
  await page.getByRole("button", { name: /cancel/i }).click();
  await snap(page, "processors-after", { fullPage: true });
});

test("non-admins neither see nor open the processors page", async ({ page }) => {
  await logInAs(page, "director");
  await expect(page.getByTestId("nav-settings-processors")).toHaveCount(0);
  const response = await page.goto("/settings/processors");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("processors-table")).toHaveCount(0);
});

test("with the demo sandbox running, USD test-card orders are charged for real: approved, and cascaded after a soft decline", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await logInAs(page, "admin");
  await page.goto("/settings/processors");
  await expect(page.getByTestId("processor-row").first()).toBeVisible();
  // The e2e server is the embedded demo, where the sandbox gateway starts by default.
  await expect(page.getByTestId("processor-row").filter({ hasText: "sandbox-a" })).toHaveCount(1);

  const stamp = Date.now();
  const approved = await submitUsdCardOrder(page, `E2E-SBX-OK-${stamp}`, "4111111111111111");
  const cascaded = await submitUsdCardOrder(page, `E2E-SBX-SOFT-${stamp}`, "4000000000000002");
  await page.goto(`/orders/${approved}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("order-heading")).toContainText(/approved/i, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("order-log")).toContainText("Sandbox Card A: approved");
  await snap(page, "sandbox-order-approved", { fullPage: true });

  await page.goto(`/orders/${cascaded}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("order-heading")).toContainText(/approved/i, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("order-log")).toContainText("Sandbox Card A: declined (do_not_honor)");
  await expect(page.getByTestId("order-log")).toContainText("Sandbox Card B: approved");

  await page.goto("/settings/processors");
  await expect(page.getByTestId("processor-row").filter({ hasText: "sandbox-a" }).getByTestId("processor-volume")).toContainText(/Today: \$[1-9]/);
  await snap(page, "processors-volume", { fullPage: true });
});
