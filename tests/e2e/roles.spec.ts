import { expect, test } from "@playwright/test";
import { HOME_BY_ROLE } from "../../server/auth/permissions";
import { navigationFor } from "../../server/auth/navigation";
import { ROLES } from "../../server/auth/roles";
import { logInAs, snap } from "./helpers";

test.describe("each role lands on its own home with its own menu", () => {
  for (const role of ROLES) {
    test(`${role}`, async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await logInAs(page, role);
      await expect(page).toHaveURL(new RegExp(`${HOME_BY_ROLE[role]}$`));
      await expect(page.getByTestId("page-title")).toBeVisible();

      const expected = navigationFor(role).flatMap((s) => s.items.map((i) => i.href));
      const links = page.getByTestId("sidebar-menu").getByRole("link");
      await expect(links).toHaveCount(expected.length);
      const hrefs = await links.evaluateAll((els) => els.map((el) => el.getAttribute("href")));
      expect(hrefs).toEqual(expected);

      await snap(page, `home-${role}`, { fullPage: true });
    });
  }
});

test("the call center sees only Orders", async ({ page }) => {
  await logInAs(page, "call_center");
  await expect(page.getByTestId("page-title")).toBeVisible();
  const hrefs = await page.getByTestId("sidebar-menu").getByRole("link").evaluateAll((els) => els.map((el) => el.getAttribute("href")));
  expect(hrefs).toEqual(["/orders"]);
});
