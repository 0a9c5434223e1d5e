import { errors, expect, test, type Locator, type Page } from "@playwright/test";
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

const SNAP_TIMEOUT_MS = 20_000;

/**
 * Saves a screenshot for people to look at (tests/e2e/screenshots). Headless chromium now and then
 * never answers a full-page capture (a CI run lost 4 minutes to one); a screenshot is evidence, not
 * an assertion, so a capture that times out falls back to the viewport and is noted on the test.
 */
export async function snap(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}) {
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  const capture = (fullPage: boolean) =>
    "goto" in target ? target.screenshot({ path, fullPage, animations: "disabled", timeout: SNAP_TIMEOUT_MS }) : target.screenshot({ path, animations: "disabled", timeout: SNAP_TIMEOUT_MS });
  try {
    await capture(options.fullPage ?? false);
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    test.info().annotations.push({ type: "screenshot-timeout", description: name });
    await capture(false);
  }
}

/** Waits until a list shows the rows answering the URL now in the address bar (see useAnsweredUrl). */
export async function listSettled(page: Page, tableTestId: string) {
  const current = new URLSearchParams(new URL(page.url()).search).toString();
  await expect(page.getByTestId(tableTestId)).toHaveAttribute("data-answers", current);
}

/** A per-run word of letters only (name search tokenises on letters), so a retry never sees the previous try's data. */
export function lettersOf(seed: number): string {
  return seed.toString(26).split("").map((c) => String.fromCharCode(97 + parseInt(c, 26))).join("");
}
