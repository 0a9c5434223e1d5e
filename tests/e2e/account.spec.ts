import { expect, test, type APIRequestContext } from "@playwright/test";
import { generate } from "otplib";
import { lettersOf, logIn, logInAs, snap } from "./helpers";

/** Per run, so a retry does not meet the users its first try created. */
const run = lettersOf(Date.now());

async function createUserViaApi(request: APIRequestContext, user: Record<string, string>) {
  const response = await request.post("/api/trpc/users.create", { data: { json: user } });
  expect(response.status()).toBe(200);
}

test("a user changes the password and switches on two-factor login", async ({ page, browser }) => {
  await logInAs(page, "admin");
  await createUserViaApi(page.request, { name: "Tom Twofactor", role: "manager", username: `tom.tf.${run}`, password: "first-pass-1", locale: "en" });

  const context = await browser.newContext();
  const tom = await context.newPage();
  await tom.setViewportSize({ width: 1440, height: 900 });
  await logIn(tom, `tom.tf.${run}`, "first-pass-1");
  await expect(tom).toHaveURL(/\/dashboard$/);
  await tom.goto("/account");

  const form = tom.getByTestId("change-password-form");
  await form.locator("#currentPassword").fill("wrong-pass-1");
  await form.locator("#newPassword").fill("second-pass-2");
  await form.locator("#repeat").fill("second-pass-2");
  await form.getByRole("button", { name: /change password/i }).click();
  await expect(tom.getByTestId("error-currentPassword")).toContainText(/wrong/i);
  await form.locator("#currentPassword").fill("first-pass-1");
  await form.getByRole("button", { name: /change password/i }).click();
  await expect(tom.getByText(/password changed/i)).toBeVisible();

  await tom.getByTestId("enable-totp").click();
  const secret = (await tom.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await snap(tom, "account-totp-setup", { fullPage: true });
  await tom.locator("#totp-code").fill(await generate({ secret }));
  await tom.getByRole("button", { name: /confirm and switch on/i }).click();
  await expect(tom.getByTestId("totp-status")).toHaveText(/on/i);

  await tom.getByTestId("user-menu").click();
  await tom.getByTestId("logout").click();
  await expect(tom).toHaveURL(/\/login$/);
  await logIn(tom, `tom.tf.${run}`, "second-pass-2");
  await expect(tom.getByTestId("login-error")).toContainText(/6-digit code/i);
  await tom.locator("#otp").fill(await generate({ secret }));
  await tom.getByRole("button", { name: /sign in/i }).click();
  await expect(tom).toHaveURL(/\/dashboard$/);
  await context.close();
});

test("when admins must use two-factor login, an admin without it is sent to set it up", async ({ page, browser }) => {
  await logInAs(page, "admin");
  await createUserViaApi(page.request, { name: "Ada Secure", role: "admin", username: `ada.admin.${run}`, password: "ada-pass-123", locale: "en" });
  await createUserViaApi(page.request, { name: "Ben Plain", role: "admin", username: `ben.admin.${run}`, password: "ben-pass-123", locale: "en" });

  // Ada sets up her authenticator first, so she can switch the rule on and off again.
  const adaContext = await browser.newContext();
  const ada = await adaContext.newPage();
  await logIn(ada, `ada.admin.${run}`, "ada-pass-123");
  await expect(ada).toHaveURL(/\/dashboard$/);
  await ada.goto("/account");
  await ada.getByTestId("enable-totp").click();
  const secret = (await ada.getByTestId("totp-secret").textContent())?.trim() ?? "";
  await ada.locator("#totp-code").fill(await generate({ secret }));
  await ada.getByRole("button", { name: /confirm and switch on/i }).click();
  await expect(ada.getByTestId("totp-status")).toHaveText(/on/i);
  await ada.goto("/settings/security");
  await ada.locator("#require-admin-totp").click();
  await expect(ada.getByText(/security settings saved/i)).toBeVisible();

  try {
    const benContext = await browser.newContext();
    const ben = await benContext.newPage();
    await ben.setViewportSize({ width: 1440, height: 900 });
    await logIn(ben, `ben.admin.${run}`, "ben-pass-123");
    await expect(ben).toHaveURL(/\/account\?require2fa=1$/);
    await expect(ben.getByText(/requires two-factor login/i)).toBeVisible();
    await snap(ben, "account-totp-required");
    // The API holds the same line as the pages.
    const response = await ben.request.get("/api/trpc/users.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
    expect(response.status()).toBe(403);
    await benContext.close();
  } finally {
    await ada.goto("/settings/security");
    await ada.locator("#require-admin-totp").click();
    await expect(ada.getByText(/security settings saved/i)).toBeVisible();
    await adaContext.close();
  }
});
