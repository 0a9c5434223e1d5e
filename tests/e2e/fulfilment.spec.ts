import { expect, test, type Page } from "@playwright/test";
import { E2E_SHOP_KEY } from "../../playwright.config";
import { lettersOf, logInAs, snap } from "./helpers";

/**
 * Fulfilment: the demo data's "Demo Warehouse" is a manual-adapter shipper serving every country,
 * so it accepts at once and the in-process worker makes dispatched orders Packed within a second
 * or two (docs/architecture.md, "Fulfilment").
 */
async function submitOrder(page: Page, shopOrderId: string, email: string, lastName = "Fulfil") {
  const response = await page.request.post("/api/orders", {
    headers: { authorization: `Bearer shop_demo01:${E2E_SHOP_KEY}` },
    data: {
      customer: { first_name: "Fiona", last_name: lastName, email, phone: "+1 212 555 0100", ip: "203.0.113.8" },
      billing: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
      shipping: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
      payment: { method: "paypal" },
      options: { delivery_id: 1, currency: "USD", shop_domain: "vitastore.example", shop_order_id: shopOrderId },
      products: [{ sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", option_value: "30 pills", quantity: 1, price: 20 }],
      shipping_method: { id: 1, price: 0 },
      language: "ENG",
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function bulk(page: Page, action: string, expected: RegExp) {
  await page.getByTestId("select-all").check();
  await page.getByTestId(`bulk-${action}`).click();
  await page.getByTestId("bulk-confirm").click();
  await expect(page.getByTestId("bulk-result")).toContainText(expected);
  await page.getByTestId("bulk-result").getByRole("button", { name: /close/i }).first().click();
}

test("a manager sends two orders to the shipper in bulk and adds a tracking number on Order Details", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const stamp = Date.now();
  const lastName = `Fulfil${lettersOf(stamp)}`;
  const first = await submitOrder(page, `E2E-FUL-1-${stamp}`, `ful1.${stamp}@example.com`, lastName);
  await submitOrder(page, `E2E-FUL-2-${stamp}`, `ful2.${stamp}@example.com`, lastName);
  await logInAs(page, "admin");
  await page.goto(`/orders?q=${lastName.toLowerCase()}&from=${new Date().toISOString().slice(0, 10)}`);
  await expect(page.getByTestId("order-row")).toHaveCount(2);
  await bulk(page, "approved", /2 orders changed/);
  await bulk(page, "packed", /2 orders sent to the shipper/);
  await expect(async () => {
    await page.reload();
    const statuses = page.getByTestId("order-row").getByTestId("order-status");
    await expect(statuses.nth(0)).toHaveText(/packed/i, { timeout: 2_000 });
    await expect(statuses.nth(1)).toHaveText(/packed/i, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  await page.goto(`/orders/${first}`);
  const card = page.getByTestId("logistics-card");
  await expect(card.getByTestId("order-shipper")).toHaveText("Demo Warehouse");
  await expect(card.getByTestId("shipment-status")).toHaveText(/accepted/i);
  await expect(card.getByTestId("send-to-shipper")).toBeDisabled();
  await expect(card.getByTestId("reship")).toBeDisabled();

  // A bad number is refused beside the field; a good one ships the order.
  await card.getByTestId("add-tracking").click();
  await page.getByTestId("tracking-input").fill("x!");
  await page.getByTestId("logistics-confirm").click();
  await expect(page.getByTestId("tracking-error")).toBeVisible();
  await page.getByTestId("tracking-input").fill("9400111899223344556677");
  await page.getByTestId("logistics-confirm").click();
  await expect(page.getByTestId("order-heading")).toContainText(/shipped/i);
  await expect(card.getByTestId("tracking-number")).toHaveText("9400111899223344556677");
  await expect(card.getByTestId("shipment-tracking")).toHaveText("9400111899223344556677");
  await expect(card.getByRole("link", { name: /track/i })).toHaveAttribute("href", /tools\.usps\.com.*9400111899223344556677/);
  await expect(card.getByTestId("reship")).toBeEnabled();
  await expect(page.getByTestId("order-log")).toContainText(/Tracking number 9400111899223344556677/);
  await card.scrollIntoViewIfNeeded();
  await snap(card, "fulfilment-logistics-card");
  await snap(page, "fulfilment-order-details", { fullPage: true });

  // The shipped e-mail with the number went to the mail log (the local mailbox in the demo).
  await expect(async () => {
    await page.goto("/mail");
    await expect(page.getByText(`ful1.${stamp}@example.com`).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test("an admin sees the shippers page, adds a shipper and gets its secret once", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await logInAs(page, "admin");
  await page.goto("/settings/shippers");
  await expect(page.getByTestId("shipper-row").first()).toBeVisible();
  const shippersBefore = await page.getByTestId("shipper-row").count(); // relative: a retry sees the first try's shipper
  await expect(page.getByTestId("shippers-table")).toContainText("Demo Warehouse");
  await snap(page, "fulfilment-shippers", { fullPage: true });

  await page.getByTestId("add-shipper").click();
  await page.locator("#shipper-name").fill("Baltic Parcels");
  await page.locator("#shipper-code").fill(`baltic-${Date.now().toString(36)}`);
  await page.locator("#shipper-adapter").selectOption("http_json");
  await page.getByTestId("shipper-form-submit").click();
  await expect(page.getByTestId("error-shipper-url")).toBeVisible();
  await page.locator("#shipper-url").fill("https://baltic.example/api/orders");
  await page.locator("#shipper-countries").fill("LT, LV, EE");
  await page.locator("#shipper-sku-map").fill("VTB-20-30 = BP-VITB x2");
  await page.getByTestId("shipper-form-submit").click();
  await expect(page.getByTestId("shipper-secret")).toContainText(/shsec_/);
  await expect(page.getByTestId("shipper-push-url")).toContainText(/\/api\/shippers\/baltic-.*\/tracking/);
  await page.getByRole("button", { name: /done/i }).click();
  await expect(page.getByTestId("shipper-row")).toHaveCount(shippersBefore + 1);
  await expect(page.getByTestId("shippers-table")).toContainText("VTB-20-30 → BP-VITB ×2");
  await expect(page.getByTestId("shippers-table")).not.toContainText(/shsec_/);

  // Managers do not reach the page.
  await page.context().clearCookies();
  await logInAs(page, "manager");
  expect((await page.goto("/settings/shippers"))?.status()).toBe(403);
});
