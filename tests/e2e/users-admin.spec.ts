import { expect, test } from "@playwright/test";
import { lettersOf, logIn, logInAs, snap } from "./helpers";

test("an admin creates a user, who logs in, and deactivation ends that session at once", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const username = `eve.${lettersOf(Date.now())}`; // per run: a retry must not meet the first try's Eve
  await logInAs(page, "admin");
  await page.getByTestId("nav-settings-users").click();
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await snap(page, "users-admin", { fullPage: true });

  // A taken username is refused with the reason beside the field.
  await page.getByTestId("add-user").click();
  const form = page.getByTestId("user-form");
  await form.locator("#name").fill("Duplicate Admin");
  await form.locator("#username").fill("admin");
  await form.locator("#password").fill("e2e-pass-123");
  await page.getByTestId("user-form-submit").click();
  await expect(page.getByTestId("error-username")).toContainText(/already/i);
  await snap(page, "users-admin-error");

  await form.locator("#name").fill("Eve Manager");
  await form.locator("#username").fill(username);
  await form.locator("#email").fill(`${username}@example.com`);
  await page.getByTestId("user-form-submit").click();
  await expect(form).toBeHidden();
  await page.getByTestId("users-search").fill(username);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(page.getByTestId("user-row")).toContainText("Eve Manager");

  const eveContext = await browser.newContext();
  const eve = await eveContext.newPage();
  await logIn(eve, username, "e2e-pass-123");
  await expect(eve).toHaveURL(/\/dashboard$/);

  await page.getByTestId("user-actions").click();
  await page.getByTestId("toggle-active").click();
  await expect(page.getByTestId("user-row")).toContainText(/deactivated/i);

  await eve.reload();
  await expect(eve).toHaveURL(/\/login$/);
  await logIn(eve, username, "e2e-pass-123");
  await expect(eve.getByTestId("login-error")).toHaveText(/deactivated/i);
  await eveContext.close();
});
