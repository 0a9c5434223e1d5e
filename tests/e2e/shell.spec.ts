import { expect, test } from "@playwright/test";
import { logInAs, snap } from "./helpers";

test("the language switch turns the interface Russian and back", async ({ page }) => {
  await logInAs(page, "manager");
  const menu = page.getByTestId("sidebar-menu");
  await expect(menu).toContainText("Orders");
  await page.getByTestId("locale-switch").click();
  await page.getByTestId("locale-ru").click();
  await expect(menu).toContainText("Заказы");
  await expect(page.getByTestId("page-title")).toHaveText("Дашборд");
  await page.reload();
  await expect(menu).toContainText("Заказы");
  await page.getByTestId("locale-switch").click();
  await page.getByTestId("locale-en").click();
  await expect(menu).toContainText("Orders");
});

test("dark mode and a collapsible sidebar", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await logInAs(page, "director");
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByTestId("collapse-sidebar").click();
  await expect(page.getByTestId("sidebar")).toHaveCSS("width", "70px");
  await snap(page, "dark-collapsed");
  await page.getByTestId("collapse-sidebar").click();
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("on a phone the menu is a drawer", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logInAs(page, "head_manager");
  await expect(page.getByTestId("sidebar")).toBeHidden();
  await page.getByRole("button", { name: /open menu/i }).click();
  const drawer = page.getByTestId("mobile-sidebar");
  await expect(drawer).toBeVisible();
  await snap(page, "phone-menu");
  await drawer.getByRole("link", { name: "Orders", exact: true }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(drawer).toBeHidden();
});
