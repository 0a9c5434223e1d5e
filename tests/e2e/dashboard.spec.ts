import { expect, test, type Page } from "@playwright/test";
import { logInAs, snap } from "./helpers";

function utcDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The number in a KPI card ("$1,234.56" or "1,234"), as a plain number. */
async function kpiNumber(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(`kpi-${id}-value`).textContent()) ?? "";
  return Number(text.replace(/[^0-9.-]/g, ""));
}

async function expectRange(page: Page, from: string, to: string) {
  await expect(page.getByTestId("dashboard-content")).toHaveAttribute("data-range", `${from}..${to}`);
  await expect(page.getByTestId("dashboard-content")).not.toHaveAttribute("aria-busy", "true");
}

test("a manager sees his own clients' figures and switches the range, which stays in the URL", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAs(page, "manager");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("dashboard-scope")).toHaveText(/your clients only/i);
  // This month by default.
  await expectRange(page, `${utcDay().slice(0, 7)}-01`, utcDay());
  for (const id of ["total-sales", "net-earnings", "balance"]) await expect(page.getByTestId(`kpi-${id}-value`)).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(page.getByTestId("kpi-orders-value")).toHaveText(/^[\d,]+$/);
  expect(await kpiNumber(page, "orders")).toBeGreaterThan(0);
  expect(await kpiNumber(page, "approved-orders")).toBeLessThanOrEqual(await kpiNumber(page, "orders"));
  await expect(page.getByTestId("widget-revenue").locator(".recharts-surface").first()).toBeVisible();
  await snap(page, "dashboard-manager", { fullPage: true });

  await page.getByTestId("range-7d").click();
  await expect(page).toHaveURL(/\/dashboard\?range=7d$/);
  await expectRange(page, utcDay(-6), utcDay());
  await expect(page.getByTestId("widget-turnover").locator(".recharts-bar-rectangle").first()).toBeVisible();

  await page.getByTestId("range-1y").click();
  await expect(page).toHaveURL(/range=1y/);
  await expect(page.getByTestId("widget-revenue")).toContainText(/by month/i);
  const yearOrders = await kpiNumber(page, "orders");

  await page.getByTestId("range-custom").click();
  await page.locator("#dashboard-from").fill(utcDay(-30));
  await page.locator("#dashboard-to").fill(utcDay(-10));
  await page.getByTestId("custom-range-form").getByRole("button", { name: /apply/i }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${utcDay(-30)}&to=${utcDay(-10)}`));
  await expectRange(page, utcDay(-30), utcDay(-10));
  expect(await kpiNumber(page, "orders")).toBeLessThanOrEqual(yearOrders);
  await expect(page.getByTestId("widget-revenue")).toContainText(/by day/i);

  // The range is read back from the URL.
  await page.reload();
  await expectRange(page, utcDay(-30), utcDay(-10));
  await expect(page.getByTestId("range-custom")).toHaveAttribute("aria-pressed", "true");
});

test("an admin sees every shop, in light and dark mode, and an empty range says so", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAs(page, "manager");
  await page.goto("/dashboard?range=6m");
  await expect(page.getByTestId("dashboard-content")).toBeVisible();
  const managerOrders = await kpiNumber(page, "orders");
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login/);

  await logInAs(page, "admin");
  // This month has a previous period with orders, so the deltas show.
  await expect(page.getByTestId("kpi-delta").first()).toBeVisible();
  await page.goto("/dashboard?range=6m");
  await expect(page.getByTestId("dashboard-scope")).toHaveText(/all shops/i);
  await expect(page.getByTestId("dashboard-content")).toBeVisible();
  expect(await kpiNumber(page, "orders")).toBeGreaterThan(managerOrders);
  await expect(page.getByTestId("country-row").first()).toContainText(/United States/);
  // Demo orders come from desktops, phones and tablets; orders posted by other specs may add "unknown".
  await expect(page.getByTestId("device-row").first()).toBeVisible();
  expect(await page.getByTestId("device-row").count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("widget-monthly").locator(".recharts-bar-rectangle")).not.toHaveCount(0);
  await snap(page, "dashboard-admin-light", { fullPage: true });

  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await snap(page, "dashboard-admin-dark", { fullPage: true });
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);

  await page.goto("/dashboard?range=custom&from=2020-01-01&to=2020-01-31");
  await expect(page.getByTestId("dashboard-empty")).toBeVisible();
  await expect(page.getByTestId("kpi-orders-value")).toHaveText("0");
  await snap(page, "dashboard-empty", { fullPage: true });
});

for (const role of ["call_center", "content_moderator", "supplier"] as const) {
  test(`${role} is refused the dashboard page and its procedure`, async ({ page }) => {
    await logInAs(page, role);
    const response = await page.goto("/dashboard");
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
    const api = await page.request.get("/api/trpc/dashboard.overview?input=" + encodeURIComponent(JSON.stringify({ json: { preset: "7d" } })));
    expect(api.status()).toBe(403);
  });
}
