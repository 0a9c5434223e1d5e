import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { lettersOf, logInAs, snap } from "./helpers";

const FIXTURES = "/work/shared/fixtures/commerceml";

/** One 1C catalog exchange over real HTTP: checkauth, init, file, import until success. */
async function exchangeAs1c(request: APIRequestContext, login: string, password: string, files: { name: string; body: Buffer }[]) {
  const auth = await request.get("/api/1c/exchange?type=catalog&mode=checkauth", { headers: { authorization: `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}` } });
  const [status, cookieName, cookieValue] = (await auth.text()).split("\n");
  expect(status).toBe("success");
  const headers = { cookie: `${cookieName}=${cookieValue}` };
  expect(await (await request.get("/api/1c/exchange?type=catalog&mode=init", { headers })).text()).toContain("zip=yes");
  for (const file of files) {
    expect(await (await request.post(`/api/1c/exchange?type=catalog&mode=file&filename=${file.name}`, { headers, data: file.body })).text()).toBe("success");
  }
  for (const file of files) {
    let answer = "progress";
    for (let i = 0; i < 10 && answer.startsWith("progress"); i++) answer = await (await request.get(`/api/1c/exchange?type=catalog&mode=import&filename=${file.name}`, { headers })).text();
    if (!file.name.includes("broken")) expect(answer.startsWith("success")).toBe(true);
  }
}

test("admin sets the 1C login, 1C exchanges the fixture files, the logs show Done and a red Error down to the item", async ({ page, request }) => {
  await logInAs(page, "admin");
  await page.goto("/settings/exchange");
  const login = `onec-${lettersOf(Date.now())}`;
  const password = "exchange-e2e-secret";
  await page.getByRole("tab", { name: /access|доступ/i }).click();
  await page.locator("#exchange-login").fill(login);
  await page.locator("#exchange-password").fill(password);
  await page.getByRole("button", { name: /^save$|^сохранить$/i }).click();
  await expect(page.getByText(new RegExp(login))).toBeVisible();

  const offers = readFileSync(`${FIXTURES}/offers.xml`);
  await exchangeAs1c(request, login, password, [
    { name: "import.xml", body: readFileSync(`${FIXTURES}/import.xml`) },
    { name: "offers.xml", body: offers },
    { name: "offers_broken.xml", body: offers.subarray(0, offers.length - 300) },
  ]);

  await page.reload();
  const summary = page.getByTestId("exchange-summary");
  await expect(summary.locator('tr[data-category="catalog"] [data-status="done"]')).toBeVisible();
  await expect(summary.locator('tr[data-category="prices"] [data-status="error"]')).toBeVisible();
  await snap(page, "exchange-summary", { fullPage: true });

  await page.getByRole("tab", { name: /all logs|все логи/i }).click();
  await expect(page.getByTestId("exchange-runs").getByText("offers_broken.xml").first()).toBeVisible();
  await snap(page, "exchange-logs", { fullPage: true });

  await page.getByRole("tab", { name: /schedule|расписание/i }).click();
  const stock = page.getByTestId("exchange-schedule").locator('tr[data-category="stock"]');
  await stock.getByRole("spinbutton").fill("5");
  await stock.getByRole("button").click();
  await expect(page.getByText(/^saved$|^сохранено$/i).first()).toBeVisible();
  await snap(page, "exchange-schedule");
});

test("a manager cannot open the exchange page", async ({ page }) => {
  await logInAs(page, "manager");
  const response = await page.goto("/settings/exchange");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
