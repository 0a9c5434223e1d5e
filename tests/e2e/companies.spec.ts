import { expect, test, type Browser, type Page } from "@playwright/test";
import { completeOrganisationInn } from "../../server/domain/companies/requisites";
import { logIn, logInAs, snap } from "./helpers";

/** A valid, per-run organisation INN (the checksum computed), so a retry never collides with the previous try. */
function runRequisites() {
  const stamp = Date.now();
  const inn = completeOrganisationInn(`77${String(stamp).slice(-7)}`);
  return { stamp: stamp.toString(36), inn, kpp: `${inn.slice(0, 4)}01001` };
}

async function asRole(browser: Browser, role: "admin" | "manager" | "buyer"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  await logInAs(page, role);
  return page;
}

async function chooseOption(page: Page, triggerTestId: string, option: string | RegExp) {
  await page.getByTestId(triggerTestId).click();
  await page.getByRole("option", { name: option }).click();
}

async function darkSnap(page: Page, name: string) {
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await snap(page, `${name}-dark`, { fullPage: true });
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
}

test("companies: an admin creates a company with a contract and attaches the buyer; the buyer switches company; an owner adds an employee; an application is approved", async ({ browser }) => {
  test.setTimeout(180_000);
  const run = runRequisites();
  const companyName = `ООО «Тест ${run.stamp}»`;

  // --- the admin: company (a bad INN refused beside the field), contract, the buyer attached ---
  const admin = await asRole(browser, "admin");
  await admin.goto("/companies");
  await expect(admin.getByTestId("company-row").first()).toBeVisible();
  await snap(admin, "companies-list", { fullPage: true });
  await darkSnap(admin, "companies-list");
  await admin.getByTestId("add-company").click();
  const form = admin.getByTestId("company-form");
  await form.locator("#name").fill(companyName);
  await form.locator("#inn").fill("7707083894");
  await form.locator("#kpp").fill(run.kpp);
  await admin.getByTestId("company-form-submit").click();
  await expect(admin.getByTestId("error-inn")).toContainText(/INN/);
  await snap(admin, "companies-bad-inn");
  await form.locator("#inn").fill(run.inn);
  await form.locator("#bik").fill("044525225");
  await form.locator("#account").fill("40702810938000000000");
  await admin.getByTestId("company-form-submit").click();
  await expect(admin.getByTestId("error-account")).toContainText(/control key/);
  await form.locator("#account").fill("40702810638000000000");
  await form.locator("#correspondentAccount").fill("30101810400000000225");
  await form.locator("#bankName").fill("ПАО Сбербанк");
  await admin.getByTestId("company-form-submit").click();
  await expect(admin).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
  await expect(admin.getByTestId("company-name")).toHaveText(companyName);
  await expect(admin.getByTestId("requisites")).toContainText(run.inn);

  await admin.getByTestId("tab-contracts").click();
  await admin.getByTestId("add-contract").click();
  await admin.locator("#number").fill(`Д-${run.stamp}`);
  await chooseOption(admin, "contract-price-type", /^Опт$/);
  await admin.locator("#paymentTermsDays").fill("30");
  await admin.locator("#creditLimit").fill("250000");
  await admin.getByTestId("contract-submit").click();
  await expect(admin.getByTestId("contract-row")).toHaveCount(1);
  await expect(admin.getByTestId("contract-row")).toContainText(`Д-${run.stamp}`);
  await snap(admin, "companies-card-contracts", { fullPage: true });

  await admin.getByTestId("tab-members").click();
  await admin.getByTestId("attach-member").click();
  await admin.locator("#attachEmail").fill("buyer@demo.t3crm.local");
  await chooseOption(admin, "select-attachLevel", /^2/);
  await admin.getByTestId("attach-submit").click();
  await expect(admin.getByTestId("member-row")).toContainText("Boris Buyer");
  await snap(admin, "companies-card-members", { fullPage: true });
  await darkSnap(admin, "companies-card-members");

  // Regions and warehouses (admin pages): the demo regions, and a warehouse added to one.
  await admin.goto("/settings/regions");
  await expect(admin.getByTestId("region-row").filter({ hasText: "Москва и область" })).toBeVisible();
  await snap(admin, "companies-regions", { fullPage: true });
  await admin.goto("/settings/warehouses");
  await admin.getByTestId("add-warehouse").click();
  await admin.locator("#warehouseCode").fill(`msk-${run.stamp}`);
  await admin.locator("#warehouseName").fill(`Склад ${run.stamp}`);
  await admin.locator("#warehouseRegion").click();
  await admin.getByRole("option", { name: "Москва и область" }).click();
  await admin.locator("#warehouseAddress").fill("Москва, ул. Складская, 1");
  await admin.getByTestId("warehouse-submit").click();
  await expect(admin.getByTestId("warehouse-row").filter({ hasText: `msk-${run.stamp}` })).toContainText("Москва и область");
  await snap(admin, "companies-warehouses", { fullPage: true });
  await darkSnap(admin, "companies-warehouses");
  await admin.context().close();

  // --- the buyer: the topbar switcher changes the active company ---
  const buyer = await asRole(browser, "buyer");
  const activeName = buyer.getByTestId("active-company-name");
  await expect(activeName).not.toHaveText(companyName);
  await buyer.getByTestId("company-switcher").click();
  await expect(buyer.getByTestId("company-option").filter({ hasText: companyName })).toBeVisible();
  await snap(buyer, "companies-switcher-open");
  await buyer.getByTestId("company-option").filter({ hasText: companyName }).click();
  await expect(activeName).toHaveText(companyName);
  await buyer.goto("/b2b/company");
  await expect(buyer.getByTestId("buyer-company-name")).toHaveText(companyName);
  // Level 2 here: no credit limit or payment terms.
  await expect(buyer.getByTestId("finance-hidden")).toBeVisible();
  await expect(buyer.getByTestId("add-employee")).toHaveCount(0);
  await snap(buyer, "companies-buyer-level2", { fullPage: true });

  // Back to the company he owns (demo: level 3): he adds an employee.
  await buyer.getByTestId("company-switcher").click();
  await buyer.getByTestId("company-option").filter({ hasText: "СтройМаркет Центр" }).click();
  await expect(activeName).toHaveText(/СтройМаркет Центр/);
  await expect(buyer.getByTestId("buyer-company-name")).toHaveText(/СтройМаркет Центр/);
  await expect(buyer.getByTestId("finance-hidden")).toHaveCount(0);
  const employees = buyer.getByTestId("employee-row");
  const before = await employees.count();
  await buyer.getByTestId("add-employee").click();
  await buyer.locator("#accountName").fill(`Сотрудник ${run.stamp}`);
  await buyer.locator("#accountEmail").fill(`employee.${run.stamp}@example.com`);
  await buyer.getByTestId("new-account-submit").click();
  await expect(buyer.getByTestId("new-account-password")).not.toBeEmpty();
  await snap(buyer, "companies-employee-password");
  await buyer.getByTestId("new-account-done").click();
  await expect(employees).toHaveCount(before + 1);
  await snap(buyer, "companies-buyer-owner", { fullPage: true });
  await darkSnap(buyer, "companies-buyer-owner");
  await buyer.context().close();

  // --- a visitor applies on /register (linked from the login page) ---
  const visitorContext = await browser.newContext({ viewport: { width: 1300, height: 950 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/login");
  await visitor.getByTestId("register-link").click();
  await expect(visitor).toHaveURL(/\/register$/);
  const applicantEmail = `applicant.${run.stamp}@example.com`;
  await visitor.locator("#name").fill("Пётр Заявкин");
  await visitor.locator("#email").fill(applicantEmail);
  await visitor.locator("#phone").fill("+7 999 123-45-67");
  await visitor.locator("#companyName").fill(`ООО «Заявка ${run.stamp}»`);
  await visitor.locator("#inn").fill("1234567890");
  await visitor.locator("#kpp").fill(run.kpp);
  await visitor.getByTestId("register-submit").click();
  await expect(visitor.getByTestId("error-inn")).toBeVisible();
  await snap(visitor, "companies-register-error", { fullPage: true });
  await visitor.locator("#inn").fill(completeOrganisationInn(`78${String(Date.now()).slice(-7)}`));
  await visitor.locator("#message").fill("Закупаем отделочные материалы");
  await visitor.getByTestId("register-submit").click();
  await expect(visitor.getByTestId("register-sent")).toBeVisible();
  await snap(visitor, "companies-register-sent");
  await visitorContext.close();

  // --- a manager approves it: a buyer account with a one-time password ---
  const manager = await asRole(browser, "manager");
  await manager.goto("/companies/applications");
  const row = manager.getByTestId("application-row").filter({ hasText: applicantEmail });
  await expect(row).toBeVisible();
  await snap(manager, "companies-applications", { fullPage: true });
  await row.getByTestId("approve-application").click();
  await manager.getByTestId("approve-submit").click();
  const password = manager.getByTestId("approved-password");
  await expect(password).not.toBeEmpty();
  const secret = (await password.innerText()).trim();
  await snap(manager, "companies-approved");
  await manager.getByTestId("approved-done").click();
  await expect(manager.getByTestId("application-row").filter({ hasText: applicantEmail })).toHaveCount(0);
  await manager.context().close();

  // The approved applicant logs in with that password and lands in the buyer cabinet.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await logIn(newcomer, applicantEmail, secret);
  await expect(newcomer).toHaveURL(/\/b2b/);
  await expect(newcomer.getByTestId("active-company-name")).toHaveText(`ООО «Заявка ${run.stamp}»`);
  await newcomerContext.close();
});
