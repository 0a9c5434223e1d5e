import { expect, type Page } from "@playwright/test";
import { DEMO_USERS, type DemoUser } from "../../db/seed/demo-users";
import type { Role } from "../../server/auth/roles";

export function demoUser(role: Role): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}

export function loginOf(user: DemoUser): string {
  return user.username ?? user.email;
}

export async function logIn(page: Page, identifier: string, password: string, options: { remember?: boolean } = {}) {
  await page.goto("/login");
  await page.getByLabel(/username, e-mail or phone|логин, e-mail или телефон/i).fill(identifier);
  await page.locator("#password").fill(password);
  if (options.remember) await page.getByLabel(/remember me|запомнить меня/i).check();
  await page.getByRole("button", { name: /sign in|войти/i }).click();
}

export async function logInAs(page: Page, role: Role, options: { remember?: boolean } = {}) {
  const user = demoUser(role);
  await logIn(page, loginOf(user), user.password, options);
  await expect(page).not.toHaveURL(/\/login/);
  return user;
}

export const SCREENSHOT_DIR = "tests/e2e/screenshots";
