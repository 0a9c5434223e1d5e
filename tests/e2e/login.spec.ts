import { expect, test } from "@playwright/test";
import { demoUser, logIn, logInAs, snap } from "./helpers";

const SESSION_COOKIE = "next-auth.session-token";

test("the login page has no sign-up, social login or forgotten-password link", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: /welcome back/i })).toBeVisible();
  await expect(page.getByText(/sign up|forgot|facebook|google|twitter/i)).toHaveCount(0);
  await snap(page, "login");
});

test("without remember me the session cookie ends with the browser", async ({ page, context }) => {
  await logInAs(page, "manager");
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeDefined();
  expect(cookie?.expires).toBe(-1);
  expect(cookie?.httpOnly).toBe(true);
});

test("remember me keeps the session for 30 days", async ({ page, context }) => {
  await logInAs(page, "director", { remember: true });
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(29.9);
  expect(days).toBeLessThanOrEqual(30.01);
});

test("a wrong password and an unknown user get the same clear message", async ({ page }) => {
  await logIn(page, "manager", "not-the-password");
  await expect(page.getByTestId("login-error")).toHaveText(/wrong login or password/i);
  await logIn(page, "nobody-here", "whatever-pass");
  await expect(page.getByTestId("login-error")).toHaveText(/wrong login or password/i);
  await snap(page, "login-error");
});

test("buyers log in by phone", async ({ page }) => {
  const buyer = demoUser("buyer");
  await logIn(page, "+7 (999) 000-00-01", buyer.password);
  await expect(page).toHaveURL(/\/b2b$/);
});

test("logging out ends the session", async ({ page }) => {
  await logInAs(page, "content_moderator");
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/login$/);
});

test("repeated failures lock the login with a message that says for how long", async ({ page }) => {
  // An identifier of its own: locking a demo account would break the other specs for 15 minutes.
  const identifier = "lock-test@example.com";
  for (let i = 0; i < 5; i++) {
    await logIn(page, identifier, `wrong-${i}-password`);
    await expect(page.getByTestId("login-error")).toHaveText(/wrong login or password/i);
  }
  await logIn(page, identifier, "any-password");
  await expect(page.getByTestId("login-error")).toHaveText(/too many failed attempts for this account.*15 minutes/i);
});
