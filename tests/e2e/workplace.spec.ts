import { expect, test, type Browser, type Page } from "@playwright/test";
import { completeOrganisationInn } from "../../server/domain/companies/requisites";
import { logInAs, snap } from "./helpers";

async function asRole(browser: Browser, role: "admin" | "manager" | "director"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  await logInAs(page, role);
  return page;
}

test("workplace: a manager hears of an application on the bell, accepts it in the workplace and the applicant is e-mailed; an admin changes a notification default and reads the audit log; statistics render and export", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const tag = stamp.toString(36);
  const inn = completeOrganisationInn(`79${String(stamp).slice(-7)}`);
  const applicantEmail = `workplace.${tag}@example.com`;
  const companyName = `ООО «Рабочее место ${tag}»`;

  // --- a visitor applies through the public form ---
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/register");
  await visitor.locator("#name").fill("Анна Заявкина");
  await visitor.locator("#email").fill(applicantEmail);
  await visitor.locator("#companyName").fill(companyName);
  await visitor.locator("#inn").fill(inn);
  await visitor.locator("#kpp").fill(`${inn.slice(0, 4)}01001`);
  await visitor.getByTestId("register-submit").click();
  await expect(visitor.getByTestId("register-sent")).toBeVisible();
  await visitorContext.close();

  // --- the manager: the bell shows the new application; he marks it read ---
  const manager = await asRole(browser, "manager");
  await manager.goto("/workplace");
  await expect(manager.getByTestId("bell-count")).toBeVisible();
  await manager.getByTestId("notification-bell").click();
  const item = manager.getByTestId("bell-item").filter({ hasText: tag });
  await expect(item).toBeVisible();
  await snap(manager, "workplace-bell");
  const unreadBefore = Number(await manager.getByTestId("bell-count").innerText());
  await item.getByTestId("bell-mark-read").click();
  await expect(item.getByTestId("bell-mark-read")).toHaveCount(0);
  if (unreadBefore > 1) await expect(manager.getByTestId("bell-count")).toHaveText(String(unreadBefore - 1));
  else await expect(manager.getByTestId("bell-count")).toHaveCount(0);
  await manager.keyboard.press("Escape");

  // --- the workplace: his companies with figures, and the application to accept ---
  await expect(manager.getByTestId("workplace-company-row").first()).toBeVisible();
  await expect(manager.getByTestId("slot-quotes")).toBeVisible();
  await snap(manager, "workplace-page", { fullPage: true });
  // The demo buyer's company has users; some demo companies have none.
  await manager.getByTestId("workplace-company-row").filter({ hasText: "ООО «СтройМаркет Центр»" }).getByTestId("workplace-users").click();
  await expect(manager.getByTestId("company-users-table")).toBeVisible();
  await snap(manager, "workplace-company-users");
  await manager.keyboard.press("Escape");
  const row = manager.getByTestId("application-row").filter({ hasText: applicantEmail });
  await expect(row).toBeVisible();
  await row.getByTestId("approve-application").click();
  await manager.getByTestId("approve-submit").click();
  await expect(manager.getByTestId("approved-password")).not.toBeEmpty();
  await manager.getByTestId("approved-done").click();
  await expect(manager.getByTestId("application-row").filter({ hasText: applicantEmail })).toHaveCount(0);
  // The new company is his and shows in the workplace.
  await manager.getByTestId("workplace-search").fill(tag);
  await expect(manager.getByTestId("workplace-company-row").filter({ hasText: tag })).toBeVisible();

  // --- statistics: charts render, CSV and XLSX download ---
  await manager.goto("/statistics");
  await expect(manager.getByTestId("stats-daily-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(manager.getByTestId("stats-funnel").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(manager.getByTestId("live-feed")).toBeVisible();
  for (const kpi of ["engagement", "bounce", "averageOrders"]) await expect(manager.getByTestId(`stats-kpi-${kpi}`)).toBeVisible();
  // The bounce share explains itself; the deep analytics are not a manager's.
  await manager.getByTestId("stats-help-bounce").hover();
  await expect(manager.getByRole("tooltip")).toBeVisible();
  await snap(manager, "workplace-statistics-bounce-hint");
  await expect(manager.getByTestId("stats-deep")).toHaveCount(0);
  await snap(manager, "workplace-statistics", { fullPage: true });
  for (const format of ["csv", "xlsx"] as const) {
    const download = manager.waitForEvent("download");
    await manager.getByTestId(`export-${format}`).click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^statistics-.*\\.${format}$`));
  }
  await manager.goto("/account");
  await expect(manager.getByTestId("my-notifications")).toBeVisible();
  await snap(manager, "workplace-my-notifications", { fullPage: true });
  await manager.context().close();

  // --- the admin: the applicant's e-mail is in the mail log ---
  const admin = await asRole(browser, "admin");
  await admin.goto("/mail");
  await admin.getByTestId("mail-search").fill(applicantEmail);
  // The decision e-mail (the new user also hears of their personal manager in a second one).
  await expect(admin.getByTestId("mail-row").filter({ hasText: applicantEmail }).filter({ hasText: /application is approved|заявка одобрена/i })).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByTestId("mail-row").filter({ hasText: applicantEmail }).filter({ hasText: /personal manager|персональный менеджер/i })).toBeVisible({ timeout: 30_000 });
  await snap(admin, "workplace-applicant-mail");

  // --- the admin changes a default and puts it back (no state left for later specs) ---
  await admin.goto("/settings/notifications");
  const cell = admin.getByTestId("default-specification_recommended-client-email");
  await expect(cell).toHaveAttribute("data-state", "unchecked");
  await cell.click();
  await expect(cell).toHaveAttribute("data-state", "checked");
  await snap(admin, "workplace-notification-defaults", { fullPage: true });
  await cell.click();
  await expect(cell).toHaveAttribute("data-state", "unchecked");

  // --- the audit log finds the change with before and after ---
  await admin.goto("/settings/audit");
  await admin.locator("#audit-action").fill("notification.default");
  await admin.getByTestId("audit-search").click();
  const entry = admin.getByTestId("audit-row").first();
  await expect(entry).toContainText("notification.default");
  await entry.click();
  await expect(admin.getByText(/"enabled": (true|false)/).first()).toBeVisible();
  await snap(admin, "workplace-audit", { fullPage: true });

  // --- the admin's statistics carry the deep analytics ---
  await admin.goto("/statistics");
  await expect(admin.getByTestId("stats-deep-activity")).toBeVisible();
  await expect(admin.getByTestId("stats-deep-shop")).toBeVisible();
  await snap(admin.getByTestId("stats-deep"), "workplace-statistics-deep");
  await admin.context().close();
});
