import { expect, test } from "@playwright/test";
import { logInAs, snap } from "./helpers";

/**
 * Browser push in the profile. Headless chromium has no push service to subscribe with (Google's
 * is unreachable here and headless refuses), so this spec proves what a browser does on its own
 * side: the card offers push with the server's key, a failed subscription is reported and changes
 * nothing, and our service worker shows the message a push service delivers (through the
 * DevTools protocol, which hands the worker a push as the push service would). The server side
 * (encryption, VAPID, retries, gone browsers) is proved against a local push service in
 * tests/integration/browser-push.test.ts.
 */
test("the profile offers browser push and the service worker shows a delivered message", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await logInAs(page, "buyer");
  await page.goto("/account");
  const card = page.getByTestId("browser-push");
  await expect(card.getByTestId("browser-push-status")).toHaveText(/off|выкл/i);
  await expect(card.getByTestId("browser-push-on")).toBeEnabled();
  await snap(page.getByTestId("browser-push").locator(".."), "browser-push-card");

  // The browser refuses to subscribe (no push service): the user is told, and push stays off.
  await card.getByTestId("browser-push-on").click();
  await expect(page.getByText(/could not subscribe|не смог подписаться/i)).toBeVisible();
  await expect(card.getByTestId("browser-push-status")).toHaveText(/off|выкл/i);

  // The service worker was installed on the way; a push arrives as the push service would hand it over.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`${baseURL}/`);
  const cdp = await context.newCDPSession(page);
  const registrations = new Promise<Array<{ registrationId: string; scopeURL: string }>>((resolve) => cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => resolve(e.registrations)));
  await cdp.send("ServiceWorker.enable");
  const registration = (await registrations).find((r) => r.scopeURL === `${baseURL}/`);
  expect(registration).toBeDefined();
  const message = { title: "Заказ отгружен", body: "Заказ B-1 в пути", link: "/b2b/orders", tag: "order.status_changed" };
  await cdp.send("ServiceWorker.deliverPushMessage", { origin: baseURL!, registrationId: registration!.registrationId, data: JSON.stringify(message) });
  await expect
    .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, link: (n.data as { link?: string }).link }))))
    .toEqual([{ title: message.title, body: message.body, tag: message.tag, link: message.link }]);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.unregister());
});
