import { expect, test } from "@playwright/test";
import { logInAs, snap } from "./helpers";

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/login$/);
});

const refusals: Array<{ role: Parameters<typeof logInAs>[1]; path: string }> = [
  { role: "call_center", path: "/dashboard" },
  { role: "call_center", path: "/customers" },
  { role: "manager", path: "/settings/users" },
  { role: "content_moderator", path: "/orders" },
  { role: "buyer", path: "/dashboard" },
  { role: "buyer", path: "/supplier" },
  { role: "supplier", path: "/b2b" },
  { role: "supplier", path: "/settings/users" },
];

for (const { role, path } of refusals) {
  test(`${role} is refused ${path}`, async ({ page }) => {
    await logInAs(page, role);
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
}

test("the 403 page", async ({ page }) => {
  await logInAs(page, "buyer");
  await page.goto("/settings/users");
  await snap(page, "forbidden");
  await page.getByRole("link", { name: /home|главную/i }).click();
  await expect(page).toHaveURL(/\/b2b$/);
});

test("a buyer calling a staff procedure gets FORBIDDEN from the API", async ({ page }) => {
  await logInAs(page, "buyer");
  const response = await page.request.get("/api/trpc/users.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(response.status()).toBe(403);
  const body = (await response.json()) as { error: { json: { data: { code: string } } } };
  expect(body.error.json.data.code).toBe("FORBIDDEN");
});
