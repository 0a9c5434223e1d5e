import { expect, test, type Page } from "@playwright/test";
import { listSettled, logInAs, snap } from "./helpers";

const DEMO_COMPANY = "СтройМаркет Центр";
const DEMO_BUYER_EMAIL = "buyer@demo.t3crm.local";
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

/** A lamp's card in the catalog, added to the (new, active) cart. */
async function addSomeLamp(page: Page) {
  await page.goto("/b2b/catalog?cat=lighting-2");
  await listSettled(page, "catalog-products");
  const href = await page.getByTestId("product-tile").locator("a[href*='/b2b/product/']").first().getAttribute("href");
  await page.goto(href!);
  await page.getByTestId("add-to-cart").click();
  await page.goto("/b2b/cart");
  await expect(page.getByTestId("cart-line").first()).toBeVisible();
}

test("a manager logs in as the client and quotes a cart; the buyer accepts it into an order, files a claim, and the manager closes it", async ({ browser }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const managerContext = await browser.newContext();
  const buyerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const buyer = await buyerContext.newPage();

  // The manager opens his company and logs in as its buyer.
  await logInAs(manager, "manager");
  await manager.goto("/companies");
  await manager.getByTestId("company-row").filter({ hasText: DEMO_COMPANY }).first().click();
  await expect(manager.getByTestId("log-in-as-card")).toBeVisible();
  const companyUrl = manager.url();
  await snap(manager, "quotes-claims-company-log-in-as", { fullPage: true });
  await manager.locator(`[data-testid="log-in-as-row"][data-email="${DEMO_BUYER_EMAIL}"]`).getByTestId("log-in-as").click();
  await expect(manager).toHaveURL(/\/b2b$/);
  await expect(manager.getByTestId("impersonation-banner")).toBeVisible();
  await snap(manager, "quotes-claims-impersonation-banner");

  // As the client: a new cart, a lamp, a quote request.
  await manager.goto("/b2b/cart");
  await manager.getByTestId("new-cart-name").fill(`Звонок ${run}`);
  await manager.getByTestId("new-cart-create").click();
  await expect(manager.getByTestId("active-cart-name")).toHaveText(`Звонок ${run}`);
  await addSomeLamp(manager);
  await expect(manager.getByTestId("impersonation-banner")).toBeVisible();
  await manager.getByTestId("request-quote").click();
  await manager.getByTestId("quote-comment").fill(`Запрос по телефону ${run}`);
  await snap(manager, "quotes-claims-request-dialog");
  await manager.getByTestId("request-quote-submit").click();
  await expect(manager).toHaveURL(/\/b2b\/quotes\/[0-9a-f-]{36}$/);
  const quoteId = manager.url().split("/").pop()!;
  await expect(manager.getByTestId("quote-status")).toHaveAttribute("data-status", "requested");

  // One click back to the CRM, on the company page.
  await manager.getByTestId("impersonation-back").click();
  await expect(manager).toHaveURL(companyUrl);
  await expect(manager.getByTestId("impersonation-banner")).toHaveCount(0);

  // The manager prices and sends the quote from his queue.
  await manager.goto("/quotes");
  await expect(manager.getByTestId("quote-row").first()).toBeVisible();
  await snap(manager, "quotes-claims-staff-queue", { fullPage: true });
  await manager.goto(`/quotes/${quoteId}`);
  await expect(manager.getByTestId("quote-created-by-staff")).toBeVisible();
  const price = manager.getByTestId("quote-edit-price").first();
  const discounted = (Math.max(1, Math.floor(Number(await price.inputValue()) * 0.9))).toFixed(2);
  await price.fill(discounted);
  await manager.getByTestId("quote-terms-input").fill(`Скидка 10% до конца месяца (${run})`);
  await snap(manager, "quotes-claims-staff-editor", { fullPage: true });
  await manager.getByTestId("quote-send").click();
  await expect(manager.getByTestId("quote-status")).toHaveAttribute("data-status", "sent");

  // The buyer sees it and accepts it into an order.
  await logInAs(buyer, "buyer");
  await buyer.goto("/b2b/quotes");
  await expect(buyer.getByTestId("quote-row").first()).toBeVisible();
  await snap(buyer, "quotes-claims-buyer-quotes", { fullPage: true });
  await buyer.goto(`/b2b/quotes/${quoteId}`);
  await expect(buyer.getByTestId("quote-status")).toHaveAttribute("data-status", "sent");
  await expect(buyer.getByTestId("quote-terms")).toContainText(run);
  await snap(buyer, "quotes-claims-buyer-quote", { fullPage: true });
  await buyer.getByTestId("quote-accept").click();
  await expect(buyer.getByTestId("quote-ordered")).toBeVisible();
  await expect(buyer.getByTestId("quote-status")).toHaveAttribute("data-status", "accepted");
  await snap(buyer, "quotes-claims-buyer-quote-accepted", { fullPage: true });
  await buyer.getByTestId("quote-order-link").first().click();
  await expect(buyer).toHaveURL(/\/b2b\/orders\/[0-9a-f-]{36}$/);
  const orderId = buyer.url().split("/").pop()!;

  // The buyer files a claim on that order with a photo.
  await buyer.goto(`/b2b/claims/new?orderId=${orderId}`);
  await buyer.getByTestId("claim-reason").fill(`Брак упаковки ${run}`);
  await buyer.getByTestId("claim-line-qty").first().fill("1");
  await buyer.getByTestId("claim-description").fill("Коробка пришла мятой");
  await buyer.getByTestId("claim-files").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await snap(buyer, "quotes-claims-buyer-new-claim", { fullPage: true });
  await buyer.getByTestId("claim-submit").click();
  await expect(buyer).toHaveURL(/\/b2b\/claims\/[0-9a-f-]{36}$/);
  const claimId = buyer.url().split("/").pop()!;
  await expect(buyer.getByTestId("claim-status")).toHaveAttribute("data-status", "new");
  await buyer.getByTestId("claim-comment").fill("Фото приложили");
  await buyer.getByTestId("claim-comment-send").click();
  await expect(buyer.getByTestId("claim-message")).toHaveCount(1);
  await buyer.goto("/b2b/claims");
  await expect(buyer.getByTestId("claim-row").first()).toBeVisible();
  await snap(buyer, "quotes-claims-buyer-claims", { fullPage: true });

  // The manager takes it into work and closes it with a resolution.
  await manager.goto("/claims");
  await expect(manager.getByTestId("claim-row").first()).toBeVisible();
  await snap(manager, "quotes-claims-staff-claims", { fullPage: true });
  await manager.goto(`/claims/${claimId}`);
  await expect(manager.getByTestId("claim-files-list")).toContainText("photo.png");
  await manager.getByTestId("claim-move-in_work").click();
  await expect(manager.getByTestId("claim-status")).toHaveAttribute("data-status", "in_work");
  await manager.getByTestId("claim-resolution-input").fill("Заменим товар в следующей отгрузке");
  await manager.getByTestId("claim-close").click();
  await expect(manager.getByTestId("claim-status")).toHaveAttribute("data-status", "closed");
  await expect(manager.getByTestId("claim-resolution")).toContainText("Заменим товар");
  await snap(manager, "quotes-claims-staff-claim-closed", { fullPage: true });

  // The buyer sees the resolution.
  await buyer.goto(`/b2b/claims/${claimId}`);
  await expect(buyer.getByTestId("claim-resolution")).toContainText("Заменим товар");
  await snap(buyer, "quotes-claims-buyer-claim-closed", { fullPage: true });

  await managerContext.close();
  await buyerContext.close();
});
