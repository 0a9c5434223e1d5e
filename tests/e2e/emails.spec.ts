import { expect, test } from "@playwright/test";
import { E2E_SHOP_KEY } from "../../playwright.config";
import { logInAs, snap } from "./helpers";

test("an admin edits the Approved e-mail, previews it, approves an order and finds the new text in the mailbox", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const shopOrderId = `E2E-MAIL-${Date.now()}`;
  const created = await page.request.post("/api/orders", {
    headers: { authorization: `Bearer shop_demo01:${E2E_SHOP_KEY}` },
    data: {
      customer: { first_name: "Eve", last_name: "Mailer", email: "eve.mailer@example.com", phone: "+1 555 222 3333", ip: "203.0.113.5" },
      billing: { country: "US", state: "TX", city: "Austin", zip: "73301", address: "1 Congress Ave" },
      shipping: { country: "US", state: "TX", city: "Austin", zip: "73301", address: "1 Congress Ave" },
      payment: { method: "paypal" },
      options: { delivery_id: 1, currency: "USD", shop_domain: "vitastore.example", shop_order_id: shopOrderId },
      products: [{ sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", option_value: "30 pills", bonus: "4 pills", quantity: 1, price: 20 }],
      shipping_method: { id: 1, price: 14.95 },
      language: "ENG",
    },
  });
  expect(created.status()).toBe(201);
  const { id: orderId } = (await created.json()) as { id: string };

  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-emails").click();
  await page.getByTestId("email-status-approved").click();
  await page.locator("#email-subject").fill("Paid: {{shop_order_id}}, thank you {{first_name}}");
  await page.locator("#email-body").fill("Dear {{first_name}}, your payment for {{shop_order_id}} is in. We are packing your parcel.");
  await expect(page.getByTestId("email-preview-subject")).toHaveText(/^Paid: .+, thank you .+$/);
  await expect(page.frameLocator("[data-testid=email-preview]").locator("p", { hasText: /your payment for .* is in/ })).toBeVisible();
  await snap(page, "email-templates");
  await page.getByTestId("email-save").click();
  await expect(page.getByText(/template saved/i)).toBeVisible();

  const approved = await page.request.post("/api/trpc/orders.changeStatus", { data: { json: { orderId, status: "approved" } } });
  expect(approved.status()).toBe(200);

  await page.getByTestId("nav-mail").click();
  await page.getByTestId("mail-search").fill("eve.mailer");
  const row = page.getByTestId("mail-row").filter({ hasText: `Paid: ${shopOrderId}, thank you Eve` });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("mail-row").filter({ hasText: shopOrderId })).toHaveCount(2); // Pending and Approved
  await snap(page, "mail-log", { fullPage: true });
  await row.click();
  await expect(page.frameLocator("[data-testid=mail-body]").locator("p", { hasText: `Dear Eve, your payment for ${shopOrderId} is in.` })).toBeVisible();
  await snap(page, "mail-message");
});
