import { expect, test } from "@playwright/test";
import { logIn, logInAs, snap } from "./helpers";

/**
 * The demo supplier's owner invites a colleague, the colleague sets a password from the e-mailed
 * link (read back from the staff mail log) and logs in, then the owner switches the colleague off.
 * Per-run e-mail: a retry or a second run meets only its own colleague.
 */
test("a supplier invites a colleague, who sets a password from the e-mail and logs in; the owner then deactivates them", async ({ browser }) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const email = `colleague.${stamp}@example.com`;
  const name = `Мария ${stamp}`;

  const ownerContext = await browser.newContext({ viewport: { width: 1440, height: 950 } });
  const owner = await ownerContext.newPage();
  owner.on("dialog", (dialog) => void dialog.accept());
  await logInAs(owner, "supplier");
  await owner.goto("/supplier/profile");
  const card = owner.getByTestId("supplier-members");
  await expect(card).toBeVisible();
  await card.getByTestId("invite-member").click();
  await owner.getByTestId("invite-member-submit").click();
  // Empty form: the errors sit beside the fields.
  await expect(owner.getByTestId("invite-member-form").getByText(/e-mail/i).first()).toBeVisible();
  await owner.locator("#member-name").fill(name);
  await owner.locator("#member-email").fill(email);
  await snap(owner, "supplier-members-invite");
  await owner.getByTestId("invite-member-submit").click();
  const row = card.getByTestId("member-row").filter({ hasText: email });
  await expect(row.getByTestId("member-status")).toHaveText(/invitation sent|приглашение отправлено/i);
  await card.scrollIntoViewIfNeeded();
  await snap(owner, "supplier-members", { fullPage: true });

  // The e-mail, as staff see it in the mail log: its button carries the one-time link.
  const adminContext = await browser.newContext({ viewport: { width: 1440, height: 950 } });
  const admin = await adminContext.newPage();
  await logInAs(admin, "admin");
  let link: string | null = null;
  await expect(async () => {
    await admin.goto("/mail");
    await admin.getByTestId("mail-search").fill(email);
    await admin.getByTestId("mail-row").filter({ hasText: email }).first().click({ timeout: 3_000 });
    link = await admin.frameLocator("[data-testid=mail-body]").locator("a[href*='/set-password?token=']").first().getAttribute("href", { timeout: 3_000 });
    expect(link).toBeTruthy();
  }).toPass({ timeout: 60_000 });
  const token = new URL(link ?? "", "http://placeholder").searchParams.get("token");
  expect(token).toBeTruthy();

  const colleagueContext = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const colleague = await colleagueContext.newPage();
  await colleague.goto(`/set-password?token=${token}`);
  await colleague.locator("#password").fill("colleague-e2e-pass");
  await colleague.locator("#confirm").fill("colleague-e2e-typo");
  await colleague.getByTestId("set-password-submit").click();
  await expect(colleague.getByRole("alert").or(colleague.getByText(/do not match|не совпадают/i)).first()).toBeVisible();
  await colleague.locator("#confirm").fill("colleague-e2e-pass");
  await snap(colleague, "supplier-members-set-password");
  await colleague.getByTestId("set-password-submit").click();
  await expect(colleague.getByTestId("set-password-done")).toBeVisible();
  await snap(colleague, "supplier-members-set-password-done");
  await logIn(colleague, email, "colleague-e2e-pass");
  await expect(colleague).toHaveURL(/\/supplier/);

  // The owner sees the colleague active, then switches them off.
  await owner.reload();
  await expect(row.getByTestId("member-status")).toHaveText(/active|активен/i);
  await row.getByTestId("member-deactivate").click();
  await expect(row.getByTestId("member-status")).toHaveText(/deactivated|отключён/i);
  await expect(row.getByTestId("member-deactivate")).toHaveCount(0);
  await snap(owner, "supplier-members-deactivated", { fullPage: true });
});
