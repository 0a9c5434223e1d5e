import { expect, test, type Page } from "@playwright/test";
import { E2E_SHOP_KEY } from "../../playwright.config";
import { listSettled, logInAs, snap } from "./helpers";

/** Names unique per run (a retry or a repeat included), so searches find this run's customers only. */
function runData() {
  const stamp = Date.now().toString(36);
  return {
    stamp,
    shopper: { first: "Grace", last: "Orderly", email: `grace.orderly.${stamp}@example.com` },
    phoneDigits: `1555${String(Date.now() % 10_000_000).padStart(7, "0")}`,
    added: { first: "Henry", last: "Newman", email: `henry.newman.${stamp}@example.com` },
  };
}

async function search(page: Page, text: string) {
  await page.getByTestId("customers-search").fill(text);
  const param = new URLSearchParams({ q: text.trim() }).toString().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page).toHaveURL(new RegExp(`[?&]${param}(&|$)`));
  await listSettled(page, "customers-table");
}

async function rowAction(page: Page, action: string) {
  await page.getByTestId("customer-row").first().getByTestId("customer-actions").click();
  await page.getByTestId(`action-${action}`).click();
}

test("a manager searches, filters, adds, edits and blocks customers and opens one with orders; an admin assigns a manager", async ({ page, browser }) => {
  test.setTimeout(120_000); // the longest flow of the suite: two logins, a dozen page loads
  const { stamp, shopper, phoneDigits, added } = runData();
  await page.setViewportSize({ width: 1600, height: 1000 });
  // An order from the demo shop makes a customer of its default manager (the demo manager).
  const order = await page.request.post("/api/orders", {
    headers: { authorization: `Bearer shop_demo01:${E2E_SHOP_KEY}` },
    data: {
      customer: { first_name: shopper.first, last_name: shopper.last, email: shopper.email.toUpperCase(), phone: `+${phoneDigits.slice(0, 1)} ${phoneDigits.slice(1, 4)} ${phoneDigits.slice(4)}`, ip: "203.0.113.9" },
      billing: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
      shipping: { country: "US", state: "NY", city: "New York", zip: "10001", address: "5 Fifth Ave" },
      payment: { method: "paypal" },
      options: { delivery_id: 1, currency: "USD", shop_domain: "vitastore.example", shop_order_id: `E2E-CUST-${stamp}` },
      products: [{ sku: "VTB-20-30", name: "VITAMIN B", option: "20 mg", option_value: "30 pills", quantity: 2, price: 20 }],
      shipping_method: { id: 1, price: 14.95 },
      language: "ENG",
    },
  });
  expect(order.status()).toBe(201);
  const { id: orderId } = (await order.json()) as { id: string };

  await logInAs(page, "manager");
  await page.getByTestId("nav-customers").click();
  await expect(page.getByTestId("page-title")).toHaveText(/customers/i);
  await expect(page.getByTestId("customer-row").first()).toBeVisible();
  await expect(page.getByTestId("customers-summary")).toContainText(/Showing 1–20 of/);
  await snap(page, "customers-list", { fullPage: true });

  // Sorting and paging keep their state in the URL.
  await page.getByTestId("sort-orders").click();
  await expect(page).toHaveURL(/sort=orders&dir=desc/);
  await page.getByTestId("page-next").click();
  await expect(page).toHaveURL(/after=.+&p=2/);
  await expect(page.getByTestId("page-number")).toHaveText("2");
  await page.getByTestId("page-prev").click();
  await expect(page.getByTestId("page-number")).toHaveText("1");

  // Search finds the shop's customer by e-mail (stored lower-cased) and by phone digits.
  await search(page, shopper.email.split("@")[0]!);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await expect(page.getByTestId("customer-row")).toContainText(`${shopper.first} ${shopper.last}`);
  await search(page, phoneDigits.slice(0, 10));
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("customers-search")).toHaveValue(phoneDigits.slice(0, 10));
  await expect(page.getByTestId("customer-row")).toHaveCount(1);

  // The customer page: profile, figures and the order, linking to its Order Details.
  await page.getByTestId("customer-link").click();
  await expect(page.getByTestId("customer-name")).toHaveText(`${shopper.first} ${shopper.last}`);
  await expect(page.getByTestId("customer-email")).toHaveText(shopper.email);
  await expect(page.getByTestId("stat-orders")).toHaveText("1");
  await expect(page.getByTestId("stat-total")).toHaveText("$54.95");
  await expect(page.getByTestId("customer-order-row")).toHaveCount(1);
  await expect(page.getByTestId("customer-order-row")).toContainText("VITAMIN B 20 mg × 2");
  await expect(page.getByTestId("customer-order-row")).toContainText("PayPal");
  await expect(page.getByTestId("order-link")).toHaveAttribute("href", `/orders/${orderId}`);
  await snap(page, "customer-page", { fullPage: true });
  const shopperUrl = page.url();
  await page.getByTestId("order-link").click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
  expect((await page.request.get(`/orders/${orderId}`)).status()).toBe(200);

  // Add a customer; the same e-mail again, in capitals, is refused beside the field.
  await page.goto("/customers");
  await page.getByTestId("add-customer").click();
  const form = page.getByTestId("customer-form");
  await form.locator("#firstName").fill(added.first);
  await form.locator("#lastName").fill(added.last);
  await form.locator("#email").fill(`  ${added.email} `);
  await form.locator("#phone").fill("+44 20 7946 0958");
  await form.locator("#country").fill("gb");
  await form.locator("#billing-address").fill("221B Baker Street");
  await form.locator("#billing-city").fill("London");
  await form.locator("#billing-zip").fill("NW1 6XE");
  await snap(page, "customers-add");
  await page.getByTestId("customer-form-submit").click();
  await expect(form).toBeHidden();
  await page.getByTestId("add-customer").click();
  await form.locator("#firstName").fill("Twin");
  await form.locator("#lastName").fill("Newman");
  await form.locator("#email").fill(added.email.toUpperCase());
  await page.getByTestId("customer-form-submit").click();
  await expect(page.getByTestId("error-email")).toContainText(/already has this e-mail/);
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();

  // Edit it.
  await search(page, added.email);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await rowAction(page, "edit");
  await form.locator("#lastName").fill("Newman-Smith");
  await form.locator("#phone").fill("+44 20 7946 0000");
  await page.getByTestId("customer-form-submit").click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId("customer-row")).toContainText("Henry Newman-Smith");
  await expect(page.getByTestId("customer-row")).toContainText("+44 20 7946 0000");

  // Block it with a reason; the status filter then finds it among the blocked.
  await rowAction(page, "block");
  await page.locator("#reason").fill("Chargeback on an earlier order");
  await page.getByTestId("block-submit").click();
  await expect(page.getByTestId("customer-row").getByTestId("customer-status")).toHaveText(/block/i);
  await page.getByTestId("status-filter").click();
  await page.getByRole("option", { name: "Block" }).click();
  await expect(page).toHaveURL(/status=blocked/);
  await listSettled(page, "customers-table");
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await page.getByTestId("status-filter").click();
  await page.getByRole("option", { name: "Active" }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page.getByTestId("customers-empty")).toBeVisible();
  await snap(page, "customers-empty");
  await page.getByTestId("clear-filters").click();
  await expect(page.getByTestId("customers-search")).toHaveValue("");

  // A customer with orders cannot be deleted: the dialog says so and offers to block.
  await search(page, shopper.email.split("@")[0]!);
  await rowAction(page, "delete");
  await expect(page.getByTestId("delete-dialog")).toContainText(/cannot be deleted/);
  await expect(page.getByTestId("delete-submit")).toHaveCount(0);
  await expect(page.getByTestId("block-instead")).toBeVisible();
  await snap(page, "customers-delete-refused");
  await page.keyboard.press("Escape");

  // Dark mode.
  await page.getByTestId("clear-filters").click();
  await expect(page.getByTestId("customer-row").first()).toBeVisible();
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByTestId("select-all").click();
  await expect(page.getByTestId("bulk-bar")).toContainText(/20 customers selected/);
  await snap(page, "customers-list-dark", { fullPage: true });
  await page.goto(shopperUrl);
  await expect(page.getByTestId("customer-order-row")).toHaveCount(1);
  await snap(page, "customer-page-dark", { fullPage: true });
  await page.getByTestId("theme-toggle").click();

  // An admin gives Henry to the head of managers: the manager no longer sees him.
  const adminContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const admin = await adminContext.newPage();
  await logInAs(admin, "admin");
  await admin.goto("/customers");
  await expect(admin.getByTestId("customer-row").first()).toBeVisible();
  await search(admin, added.email);
  await expect(admin.getByTestId("customer-row")).toContainText("Maria Manager");
  await rowAction(admin, "assign");
  await admin.getByTestId("assign-manager-select").click();
  await admin.getByRole("option", { name: /Harry Head/ }).click();
  await snap(admin, "customers-assign");
  await admin.getByTestId("assign-submit").click();
  await expect(admin.getByTestId("customer-row")).toContainText("Harry Head");
  // The manager filter finds him among Harry's customers.
  await admin.getByTestId("manager-filter").click();
  await admin.getByRole("option", { name: "Harry Head" }).click();
  await expect(admin).toHaveURL(/manager=/);
  await listSettled(admin, "customers-table");
  await expect(admin.getByTestId("customer-row")).toHaveCount(1);
  await admin.getByTestId("clear-filters").click();
  await expect(admin.getByTestId("customer-row").first()).toBeVisible();
  await snap(admin, "customers-list-admin");
  await search(admin, added.email);
  await admin.getByTestId("customer-link").click();
  await expect(admin.getByTestId("customer-manager")).toHaveText("Harry Head");
  const henryUrl = admin.url();
  await adminContext.close();

  const refused = await page.goto(henryUrl);
  expect(refused?.status()).toBe(404);
  await page.goto("/customers");
  await search(page, added.email);
  await expect(page.getByTestId("customers-empty")).toBeVisible();
});

test("the call center and the moderator may not open customers", async ({ page }) => {
  for (const role of ["call_center", "content_moderator"] as const) {
    await page.context().clearCookies();
    await logInAs(page, role);
    const list = await page.goto("/customers");
    expect(list?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    const one = await page.goto("/customers/00000000-0000-4000-8000-000000000000");
    expect(one?.status()).toBe(403);
  }
});
