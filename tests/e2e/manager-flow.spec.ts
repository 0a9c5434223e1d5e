import { expect, test, type Browser, type Page } from "@playwright/test";
import { completeOrganisationInn } from "../../server/domain/companies/requisites";
import { demoUser, lettersOf, listSettled, logIn, logInAs, snap } from "./helpers";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

async function newPage(browser: Browser, locale?: string): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1440, height: 950 }, ...(locale ? { locale } : {}) })).newPage();
}

/**
 * Issue #11's whole path with one new client: it applies on the public form, a manager accepts the
 * application (the password is shown to him once, to pass on), logs in as the client and requests a
 * quote from a cart during the "call", prices and sends it from the CRM; the client logs in with the
 * password it was given, accepts the quote into an order, files a claim on that order; the manager
 * takes the claim into work and closes it; the client sees the resolution. (Each step's details have
 * their own specs: workplace, quotes-claims.)
 */
test("application accepted → manager logs in as the new client and requests a quote → sends it → client accepts into an order → claims → manager closes the claim", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const run = lettersOf(stamp);
  const inn = completeOrganisationInn(`76${String(stamp).slice(-7)}`);
  const email = `client.${run}@example.com`;
  const clientName = `Ольга Сквозная ${run}`;
  const companyName = `ООО «Сквозной клиент ${run}»`;
  const cartName = `Звонок ${run}`;
  const resolution = `Заменим коробку в следующей отгрузке (${run})`;

  // A visitor applies on the public form, linked from the login page, from a Russian browser: the
  // form's language becomes the account's.
  const visitor = await newPage(browser, "ru-RU");
  await visitor.goto("/login");
  await visitor.getByTestId("register-link").click();
  await expect(visitor).toHaveURL(/\/register$/);
  await visitor.locator("#name").fill(clientName);
  await visitor.locator("#email").fill(email);
  await visitor.locator("#companyName").fill(companyName);
  await visitor.locator("#inn").fill(inn);
  await visitor.locator("#kpp").fill(`${inn.slice(0, 4)}01001`);
  await visitor.getByTestId("register-submit").click();
  await expect(visitor.getByTestId("register-sent")).toBeVisible();
  await visitor.context().close();

  // The manager accepts it in his workplace; the login and password are shown to him once.
  const manager = await newPage(browser);
  await logInAs(manager, "manager");
  await manager.goto("/workplace");
  const application = manager.getByTestId("application-row").filter({ hasText: email });
  await expect(application).toBeVisible();
  await application.getByTestId("approve-application").click();
  await manager.getByTestId("approve-submit").click();
  await expect(manager.getByTestId("approved-login")).toHaveText(email);
  const password = (await manager.getByTestId("approved-password").innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(8);
  await snap(manager, "manager-flow-approved");
  await manager.getByTestId("approved-done").click();
  await expect(manager.getByTestId("application-row").filter({ hasText: email })).toHaveCount(0);

  // The new company is his: from the workplace to its page, and "log in as this client".
  await manager.getByTestId("workplace-search").fill(run);
  await manager.getByTestId("workplace-company-row").filter({ hasText: run }).getByRole("link", { name: companyName }).click();
  await expect(manager).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
  const companyUrl = manager.url();
  await manager.locator(`[data-testid="log-in-as-row"][data-email="${email}"]`).getByTestId("log-in-as").click();
  await expect(manager).toHaveURL(/\/b2b$/);
  await expect(manager.getByTestId("impersonation-banner")).toContainText(clientName);
  // The client's cabinet names the manager who accepted it as its personal manager.
  await expect(manager.getByTestId("personal-manager-name")).toHaveText(demoUser("manager").name);
  await expect(manager.getByTestId("balance-widget")).toBeVisible();
  await snap(manager, "manager-flow-impersonation");

  // As the client: a cart of its own with a lamp, and a quote request.
  await manager.goto("/b2b/cart");
  await manager.getByTestId("new-cart-name").fill(cartName);
  await manager.getByTestId("new-cart-create").click();
  await expect(manager.getByTestId("active-cart-name")).toHaveText(cartName);
  await manager.goto("/b2b/catalog?cat=lighting-2");
  await listSettled(manager, "catalog-products");
  await manager.getByTestId("product-tile").locator("a[href*='/b2b/product/']").first().click();
  await expect(manager).toHaveURL(/\/b2b\/product\//);
  await manager.getByTestId("add-to-cart").click();
  await expect(manager.locator("[data-sonner-toast]").filter({ hasText: cartName })).toBeVisible();
  await manager.goto("/b2b/cart");
  await expect(manager.getByTestId("cart-line")).toHaveCount(1);
  await expect(manager.getByTestId("impersonation-banner")).toBeVisible();
  await manager.getByTestId("request-quote").click();
  await manager.getByTestId("quote-comment").fill(`Клиент просит скидку по телефону (${run})`);
  await manager.getByTestId("request-quote-submit").click();
  await expect(manager).toHaveURL(/\/b2b\/quotes\/[0-9a-f-]{36}$/);
  const quoteId = manager.url().split("/").pop()!;
  await expect(manager.getByTestId("quote-status")).toHaveAttribute("data-status", "requested");
  await snap(manager, "manager-flow-quote-requested", { fullPage: true });

  // Back in the CRM on the company page; the manager prices and sends the quote from his queue.
  await manager.getByTestId("impersonation-back").click();
  await expect(manager).toHaveURL(companyUrl);
  await expect(manager.getByTestId("impersonation-banner")).toHaveCount(0);
  await manager.goto("/quotes");
  await manager.getByTestId("quote-row").filter({ hasText: companyName }).locator(`a[href="/quotes/${quoteId}"]`).click();
  await expect(manager).toHaveURL(new RegExp(`/quotes/${quoteId}$`));
  await expect(manager.getByTestId("quote-created-by-staff")).toBeVisible();
  const price = manager.getByTestId("quote-edit-price").first();
  const listPrice = Number(await price.inputValue());
  const discounted = Math.max(1, Math.floor(listPrice * 0.9)).toFixed(2);
  await price.fill(discounted);
  await manager.getByTestId("quote-terms-input").fill(`Скидка 10% до конца месяца (${run})`);
  await snap(manager, "manager-flow-quote-editor", { fullPage: true });
  await manager.getByTestId("quote-send").click();
  await expect(manager.getByTestId("quote-status")).toHaveAttribute("data-status", "sent");

  // The client logs in as itself with the password the manager passed on, and accepts the quote.
  const client = await newPage(browser);
  await logIn(client, email, password);
  await expect(client).toHaveURL(/\/b2b$/);
  await expect(client.getByTestId("impersonation-banner")).toHaveCount(0);
  await client.goto("/b2b/quotes");
  await client.getByTestId("quote-row").locator(`a[href="/b2b/quotes/${quoteId}"]`).click();
  await expect(client.getByTestId("quote-status")).toHaveAttribute("data-status", "sent");
  await expect(client.getByTestId("quote-terms")).toContainText(run);
  await snap(client, "manager-flow-client-quote", { fullPage: true });
  await client.getByTestId("quote-accept").click();
  await expect(client.getByTestId("quote-status")).toHaveAttribute("data-status", "accepted");
  const orderLink = client.getByTestId("quote-order-link");
  await expect(orderLink).toHaveCount(1);
  const orderNumber = (await orderLink.innerText()).trim();
  await orderLink.click();
  await expect(client).toHaveURL(/\/b2b\/orders\/[0-9a-f-]{36}$/);

  // The client files a claim on that order.
  await client.goto("/b2b/claims");
  await client.getByTestId("claim-new").click();
  await expect(client).toHaveURL(/\/b2b\/claims\/new$/);
  await client.getByTestId("claim-order").selectOption({ label: orderNumber });
  await client.getByTestId("claim-reason").fill(`Мятая коробка ${run}`);
  await client.getByTestId("claim-line-qty").first().fill("1");
  await client.getByTestId("claim-description").fill("Коробка пришла мятой");
  await client.getByTestId("claim-files").setInputFiles({ name: "box.png", mimeType: "image/png", buffer: PNG });
  await snap(client, "manager-flow-client-new-claim", { fullPage: true });
  await client.getByTestId("claim-submit").click();
  await expect(client).toHaveURL(/\/b2b\/claims\/[0-9a-f-]{36}$/);
  const claimId = client.url().split("/").pop()!;
  await expect(client.getByTestId("claim-status")).toHaveAttribute("data-status", "new");

  // The manager takes it into work and closes it with a resolution.
  await manager.goto("/claims");
  await manager.getByTestId("claim-row").filter({ hasText: companyName }).locator(`a[href="/claims/${claimId}"]`).click();
  await expect(manager.getByTestId("claim-files-list")).toContainText("box.png");
  await manager.getByTestId("claim-move-in_work").click();
  await expect(manager.getByTestId("claim-status")).toHaveAttribute("data-status", "in_work");
  await manager.getByTestId("claim-resolution-input").fill(resolution);
  await manager.getByTestId("claim-close").click();
  await expect(manager.getByTestId("claim-status")).toHaveAttribute("data-status", "closed");
  await snap(manager, "manager-flow-claim-closed", { fullPage: true });
  await manager.context().close();

  // The client sees it closed, with the resolution.
  await client.goto("/b2b/claims");
  const claimRow = client.getByTestId("claim-row").filter({ hasText: orderNumber });
  await expect(claimRow).toHaveCount(1);
  await claimRow.getByRole("link").click();
  await expect(client).toHaveURL(new RegExp(`/b2b/claims/${claimId}$`));
  await expect(client.getByTestId("claim-status")).toHaveAttribute("data-status", "closed");
  await expect(client.getByTestId("claim-resolution")).toContainText(resolution);
  // The status move reads in the client's language (Russian, from the registration form), not as the stored English.
  await expect(client.getByTestId("claim-message").first()).toContainText("→ В работе");
  await snap(client, "manager-flow-client-claim-closed", { fullPage: true });
  await client.context().close();
});
