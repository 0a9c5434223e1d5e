import { expect, test, type Browser, type Page } from "@playwright/test";
import { completeCorrespondentAccount, completeOrganisationInn, completeSettlementAccount } from "../../server/domain/companies/requisites";
import { logIn, logInAs, snap } from "./helpers";

const BIK = "044525225";

/** Per-run requisites and login, so a retry never meets the previous try's supplier. */
function runApplicant() {
  const stamp = Date.now();
  const inn = completeOrganisationInn(`78${String(stamp).slice(-7)}`);
  return {
    stamp: stamp.toString(36),
    inn,
    email: `supplier.${stamp.toString(36)}@example.com`,
    phone: `+7 916 ${String(stamp).slice(-7, -4)} ${String(stamp).slice(-4)}`,
    password: "supplier-e2e-pass",
    account: completeSettlementAccount(`40702810${String(stamp).slice(-12)}`, BIK),
    correspondentAccount: completeCorrespondentAccount("30101810400000000225", BIK),
  };
}

async function asRole(browser: Browser, role: "admin" | "content_moderator" | "buyer"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 950 } });
  const page = await context.newPage();
  await logInAs(page, role);
  return page;
}

test("a supplier applies, an admin approves, the supplier publishes news, a moderator approves it and a buyer reads it", async ({ browser }) => {
  test.setTimeout(180_000);
  const run = runApplicant();

  // --- the public form, reached from the login page; "fill by INN" uses the stub register ---
  const visitorContext = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/login");
  await visitor.getByTestId("supplier-register-link").click();
  await expect(visitor).toHaveURL(/\/register\/supplier$/);
  await visitor.locator("#inn").fill(run.inn);
  await visitor.getByTestId("lookup-inn").click();
  await expect(visitor.locator("#name")).toHaveValue(`ООО «Поставщик ${run.inn.slice(-4)}»`);
  const supplierName = `ООО «Поставщик ${run.stamp}»`;
  await visitor.locator("#name").fill(supplierName);
  await visitor.locator("#bankName").fill("ПАО Сбербанк");
  await visitor.locator("#bik").fill(BIK);
  await visitor.locator("#account").fill("40702810000000000009");
  await visitor.locator("#correspondentAccount").fill(run.correspondentAccount);
  await visitor.locator("#contactName").fill("Олег Поставкин");
  await visitor.locator("#phone").fill(run.phone);
  await visitor.locator("#email").fill(run.email);
  await visitor.locator("#password").fill(run.password);
  await visitor.locator("#description").fill("Кабель и провод со склада в Химках.");
  await visitor.getByTestId("documents-input").setInputFiles({ name: "ustav.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 e2e charter") });
  await expect(visitor.getByTestId("picked-document")).toHaveCount(1);
  await visitor.getByTestId("supplier-register-submit").click();
  // The account's control key does not match the BIK: the error sits beside the field.
  await expect(visitor.getByTestId("error-account")).toBeVisible();
  await snap(visitor, "suppliers-register-form", { fullPage: true });
  await visitor.locator("#account").fill(run.account);
  await visitor.getByTestId("supplier-register-submit").click();
  await expect(visitor.getByTestId("supplier-register-sent")).toBeVisible();
  await snap(visitor, "suppliers-register-sent");

  // A pending applicant cannot log in yet.
  await logIn(visitor, run.email, run.password);
  await expect(visitor).toHaveURL(/\/login/);
  await visitorContext.close();

  // --- an admin reviews: list, detail with the document, approve ---
  const admin = await asRole(browser, "admin");
  await admin.goto("/suppliers");
  await admin.getByTestId("suppliers-search").fill(run.inn);
  const row = admin.getByTestId("supplier-row").filter({ hasText: supplierName });
  await expect(row).toBeVisible();
  await snap(admin, "suppliers-review-list", { fullPage: true });
  await row.getByRole("link", { name: supplierName }).click();
  await expect(admin.getByTestId("supplier-name")).toHaveText(supplierName);
  await expect(admin.getByTestId("supplier-document")).toHaveCount(1);
  const download = admin.waitForEvent("download");
  await admin.getByTestId("download-document").click();
  expect((await download).suggestedFilename()).toBe("ustav.pdf");
  await snap(admin, "suppliers-review-detail", { fullPage: true });
  await admin.getByTestId("approve-supplier").click();
  await expect(admin.getByTestId("supplier-status").first()).toHaveText(/approved|одобрен/i);

  // The decision e-mail (outbox → mail_messages → SMTP) is asserted in tests/integration/suppliers-registration.test.ts:
  // the staff mail log lists only order mail (it joins orders), so it cannot show it here.
  await admin.context().close();

  // --- the supplier logs in and lands in the cabinet ---
  const supplierContext = await browser.newContext({ viewport: { width: 1440, height: 950 } });
  const supplier = await supplierContext.newPage();
  await logIn(supplier, run.email, run.password);
  await expect(supplier).toHaveURL(/\/supplier$/);
  await expect(supplier.getByTestId("supplier-home-name")).toHaveText(supplierName);
  await snap(supplier, "suppliers-cabinet-home", { fullPage: true });
  await supplier.goto("/supplier/profile");
  await expect(supplier.locator("#contactName")).toHaveValue("Олег Поставкин");
  await supplier.locator("#contactName").fill("Ольга Поставкина");
  await supplier.getByTestId("supplier-profile-save").click();
  await expect(supplier.getByText(/Profile saved|Профиль сохранён/)).toBeVisible();
  await snap(supplier, "suppliers-cabinet-profile", { fullPage: true });

  // --- news: the supplier publishes, it waits for moderation ---
  const title = `Новый склад ${run.stamp}`;
  await supplier.goto("/supplier/news");
  await supplier.getByTestId("news-new").click();
  await supplier.getByTestId("news-title-input").fill(title);
  await supplier.getByTestId("news-body-input").fill("Открыли склад в Химках: отгрузки по Москве на следующий день.");
  await snap(supplier, "suppliers-news-form");
  await supplier.getByTestId("news-submit").click();
  const mine = supplier.getByTestId("news-card").filter({ hasText: title });
  await expect(mine.getByTestId("news-status")).toHaveText(/in moderation|на модерации/i);
  await snap(supplier, "suppliers-cabinet-news", { fullPage: true });

  // --- a content moderator approves it ---
  const moderator = await asRole(browser, "content_moderator");
  await moderator.goto("/moderation/news");
  const card = moderator.getByTestId("news-card").filter({ hasText: title });
  await expect(card).toBeVisible();
  await snap(moderator, "suppliers-news-moderation", { fullPage: true });
  await card.getByTestId("approve-news").click();
  await expect(moderator.getByTestId("news-card").filter({ hasText: title })).toHaveCount(0);
  await moderator.context().close();

  await supplier.reload();
  await expect(supplier.getByTestId("news-card").filter({ hasText: title }).getByTestId("news-status")).toHaveText(/published|опубликовано/i);
  await supplierContext.close();

  // --- a buyer reads it on the news page ---
  const buyer = await asRole(browser, "buyer");
  await buyer.goto("/b2b/news");
  await expect(buyer.getByTestId("news-card").filter({ hasText: title })).toBeVisible();
  await expect(buyer.getByTestId("news-card").filter({ hasText: supplierName })).toHaveCount(1);
  await snap(buyer, "suppliers-buyer-news", { fullPage: true });
  // A buyer who is no supplier member is refused the supplier cabinet.
  const response = await buyer.goto("/supplier");
  expect(response?.status()).toBe(403);
  await buyer.context().close();
});
