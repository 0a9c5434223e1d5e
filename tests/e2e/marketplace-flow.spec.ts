import { expect, test, type Browser, type Page } from "@playwright/test";
import { completeCorrespondentAccount, completeOrganisationInn, completeSettlementAccount } from "../../server/domain/companies/requisites";
import { lettersOf, logIn, logInAs, snap } from "./helpers";

const BIK = "044525225";

async function asRole(browser: Browser, role: "admin" | "content_moderator" | "buyer"): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 950 } })).newPage();
  await logInAs(page, role);
  return page;
}

/**
 * Issue #10's whole path with one new supplier: it registers, an admin approves it, it adds a
 * product, a moderator approves the product, a buyer finds and orders it, the supplier confirms
 * its part of the order. (Each step's details have their own specs: suppliers, supplier-products,
 * supplier-orders.)
 */
test("register → approve → add product → moderator approves → buyer sees and orders it → supplier confirms", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const run = lettersOf(stamp);
  const supplierName = `ООО «Маркет ${run}»`;
  const email = `market.${run}@example.com`;
  const password = "market-e2e-pass";
  const sku = `MKT-${stamp.toString(36).toUpperCase()}`;
  const productName = `Диммер сквозной ${run}`;

  // The public form.
  const visitor = await (await browser.newContext({ viewport: { width: 1300, height: 1000 } })).newPage();
  await visitor.goto("/register/supplier");
  await visitor.locator("#inn").fill(completeOrganisationInn(`77${String(stamp).slice(-7)}`));
  await visitor.locator("#name").fill(supplierName);
  await visitor.locator("#kpp").fill("770101001");
  await visitor.locator("#ogrn").fill("1027700132195");
  await visitor.locator("#legalAddress").fill("г. Москва, ул. Тестовая, д. 1");
  await visitor.locator("#bankName").fill("ПАО Сбербанк");
  await visitor.locator("#bik").fill(BIK);
  await visitor.locator("#account").fill(completeSettlementAccount(`40702810${String(stamp).slice(-12)}`, BIK));
  await visitor.locator("#correspondentAccount").fill(completeCorrespondentAccount("30101810400000000225", BIK));
  await visitor.locator("#contactName").fill("Марк Сквозной");
  await visitor.locator("#phone").fill(`+7 915 ${String(stamp).slice(-7, -4)} ${String(stamp).slice(-4)}`);
  await visitor.locator("#email").fill(email);
  await visitor.locator("#password").fill(password);
  await visitor.getByTestId("documents-input").setInputFiles({ name: "charter.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 marketplace e2e") });
  await visitor.getByTestId("supplier-register-submit").click();
  await expect(visitor.getByTestId("supplier-register-sent")).toBeVisible();
  await visitor.context().close();

  // An admin approves the application.
  const admin = await asRole(browser, "admin");
  await admin.goto("/suppliers");
  await admin.getByTestId("suppliers-search").fill(run);
  await admin.getByTestId("supplier-row").filter({ hasText: supplierName }).getByRole("link", { name: supplierName }).click();
  await admin.getByTestId("approve-supplier").click();
  await expect(admin.getByTestId("supplier-status").first()).toHaveText(/approved|одобрен/i);
  await admin.context().close();

  // The new supplier adds a product with a price for every price type and stock.
  const supplier = await (await browser.newContext({ viewport: { width: 1440, height: 950 } })).newPage();
  await logIn(supplier, email, password);
  await expect(supplier).toHaveURL(/\/supplier$/);
  await supplier.goto("/supplier/products/new");
  await supplier.getByTestId("product-sku").fill(sku);
  await supplier.getByTestId("product-name").fill(productName);
  const category = supplier.getByTestId("product-category");
  await category.selectOption((await category.locator("option", { hasText: "Диммеры" }).first().getAttribute("value"))!);
  await supplier.getByTestId("product-description").fill("Диммер для светодиодных ламп, 300 Вт");
  for (const input of await supplier.locator("input[id^='price-']").all()) await input.fill("1250");
  for (const input of await supplier.locator("input[id^='stock-']").all()) await input.fill("40");
  await supplier.getByTestId("create-product").click();
  await expect(supplier).toHaveURL(/\/supplier\/products\/[0-9a-f-]{36}$/);
  await expect(supplier.getByTestId("product-status").first()).toHaveAttribute("data-status", "on_moderation");

  // A content moderator approves it.
  const moderator = await asRole(browser, "content_moderator");
  await moderator.goto("/moderation");
  const item = moderator.getByTestId("moderation-item").filter({ hasText: sku });
  await expect(item).toBeVisible();
  await item.getByTestId("approve").click();
  await expect(item).toHaveCount(0);
  await moderator.context().close();

  // The buyer finds it in the catalog and orders it from a cart of its own.
  const buyer = await asRole(browser, "buyer");
  await buyer.goto("/b2b/cart");
  await buyer.getByTestId("new-cart-name").fill(`Маркет ${run}`);
  await buyer.getByTestId("new-cart-create").click();
  await expect(buyer.getByTestId("active-cart-name")).toHaveText(`Маркет ${run}`);
  await buyer.goto(`/b2b/catalog?q=${encodeURIComponent(sku)}`);
  await buyer.getByTestId("product-tile").filter({ hasText: productName }).locator("a[href*='/b2b/product/']").first().click();
  await expect(buyer.getByTestId("product-name")).toHaveText(productName);
  await buyer.getByTestId("add-to-cart").click();
  await expect(buyer.getByText(`добавлено в корзину «Маркет ${run}»`)).toBeVisible();
  await buyer.goto("/b2b/cart");
  await expect(buyer.getByTestId("cart-line").filter({ hasText: sku })).toBeVisible();
  await buyer.getByTestId("checkout-consignee").selectOption({ index: 1 });
  await buyer.getByTestId("checkout-place").click();
  const placed = buyer.getByTestId("checkout-result").getByTestId("placed-order");
  await expect(placed).toHaveCount(1);
  await placed.locator("a").first().click();
  const part = buyer.getByTestId("order-supplier-part").filter({ hasText: supplierName });
  await expect(part.getByTestId("order-supplier-part-status")).toHaveAttribute("data-status", "new");
  const partNumber = (await part.getAttribute("data-number"))!;

  // The supplier confirms its part; the buyer sees it confirmed.
  await supplier.goto("/supplier/orders");
  await supplier.getByTestId("orders-search").fill(partNumber);
  await supplier.getByTestId("supplier-order-row").filter({ hasText: partNumber }).getByRole("link", { name: partNumber }).click();
  await expect(supplier.getByTestId("part-line").filter({ hasText: sku })).toBeVisible();
  await supplier.getByTestId("part-confirm").click();
  await expect(supplier.getByTestId("part-status")).toHaveAttribute("data-status", "confirmed");
  await snap(supplier, "marketplace-flow-confirmed");
  await buyer.reload();
  await expect(buyer.getByTestId("order-supplier-part").filter({ hasText: supplierName }).getByTestId("order-supplier-part-status")).toHaveAttribute("data-status", "confirmed");
});
