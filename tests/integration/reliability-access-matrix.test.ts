import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { PERMISSIONS, type Permission } from "@/server/auth/permissions";
import { kindOfRole, ROLES, type Role, type UserKind } from "@/server/auth/roles";
import { ROUTE_ACCESS } from "@/server/auth/route-access";
import type { ActiveSession } from "@/server/domain/auth/sessions";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { handleProcessorCallback } from "@/server/http/callbacks";
import { handleCreateOrder } from "@/server/http/orders-api";
import { handleStatisticsExport } from "../../server/http/statistics-export";
import { handleOrdersExport } from "@/server/http/orders-export";
import { handleCartExport, handleDocument, handleInvoice, handleQuickOrderTemplate } from "@/server/http/b2b-files";
import { handleBuyerQuotePdf, handleCartOfferPdf, handleClaimFile, handleStaffQuotePdf } from "@/server/http/service-files";
import { handleCatalogApi } from "@/server/http/catalog-api";
import { handleExchange } from "@/server/http/exchange-1c";
import { handleFeedDownload, handleFeedFile } from "@/server/http/feeds";
import { handlePriceListDownload } from "@/server/http/price-list";
import { handleShipperTracking } from "@/server/http/shipper-tracking";
import { handlePartDocument, handleStatementXlsx, handleStatisticsCsv } from "@/server/http/supplier-files";
import { POST as benchPost } from "@/app/api/bench/intake-baseline/route";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { outcomeOf } from "../helpers/errors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { prepareFuzzWorld } from "../helpers/fuzz-http";
import { makeApprovedSupplier } from "../helpers/supplier-fixtures";
import { createTestShop, orderBody, orderDeps, placeOrder, userActor } from "../helpers/order-fixtures";

/**
 * The role × route and role × page halves of the access matrix (the role × procedure half is
 * tests/integration/trpc-access.test.ts, which walks appRouter._def.procedures), plus row scoping
 * across the areas. Routes and pages are found on disk, so a new one that states no rule fails here.
 */
const APP = path.join(process.cwd(), "app");

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return filesNamed(full, name);
    return entry === name ? [full] : [];
  });
}

const routeKey = (file: string) => path.relative(path.join(APP, "api"), path.dirname(file)).split(path.sep).join("/");
const routeFiles = filesNamed(path.join(APP, "api"), "route.ts");

let t: TestDatabase;
const sessions = new Map<Role, ActiveSession>();
const sessionOf = (role: Role) => sessions.get(role)!;
beforeAll(async () => {
  t = await createTestDatabase();
  for (const role of ROLES) sessions.set(role, await sessionFor(t.db, (await makeUser(t.db, { role })).id));
  // The supplier login works for an approved supplier, as the cabinet requires.
  await makeApprovedSupplier(t.db, sessionOf("supplier").user.id);
});
afterAll(async () => {
  await t.destroy();
});

const allows = (role: Role, permission: Permission | readonly Permission[]) =>
  (typeof permission === "string" ? [permission] : permission).some((p) => (PERMISSIONS[p] as readonly Role[]).includes(role));

/** How the matrix calls a permission route as a given session; a permission route missing here fails. */
const CALL_AS: Record<string, (session: ActiveSession | null) => Promise<Response>> = {
  "orders/export": (session) => handleOrdersExport(new Request("http://test/api/orders/export?format=csv"), { db: t.db, session }),
  "statistics/export": (session) => handleStatisticsExport(new Request("http://test/api/statistics/export?format=csv"), { db: t.db, session }),
  "b2b/cart-export": (session) => handleCartExport(new Request("http://test/api/b2b/cart-export"), { db: t.db, session }),
  "b2b/quick-order-template": (session) => handleQuickOrderTemplate({ session }),
  // An empty section list is refused as bad input (400) only after the caller was let in.
  "b2b/price-list": (session) => handlePriceListDownload(new Request("http://test/api/b2b/price-list?format=xlsx&categoryIds="), { db: t.db, session }),
  // No such order or document: an allowed caller gets past access to the lookup (404).
  "b2b/orders/[id]/invoice": (session) => handleInvoice(crypto.randomUUID(), { db: t.db, session }),
  "b2b/documents/[id]": (session) => handleDocument(crypto.randomUUID(), { db: t.db, session }),
  "feeds/files/[id]": (session) => handleFeedFile(crypto.randomUUID(), { db: t.db, session }),
  "supplier/documents/[id]": (session) => handlePartDocument(crypto.randomUUID(), { db: t.db, session }),
  "supplier/statements/[id]/xlsx": (session) => handleStatementXlsx(crypto.randomUUID(), { db: t.db, session }),
  "supplier/statistics": (session) => handleStatisticsCsv(new Request("http://test/api/supplier/statistics?from=bad"), { db: t.db, session }),
  "b2b/quotes/[id]/pdf": (session) => handleBuyerQuotePdf(new Request("http://test/api/b2b/quotes/x/pdf"), crypto.randomUUID(), { db: t.db, session }),
  // The buyer of the matrix works for no company: refused as a precondition (412) after access.
  "b2b/cart-offer-pdf": (session) => handleCartOfferPdf(new Request("http://test/api/b2b/cart-offer-pdf?markup=10&customer=X"), { db: t.db, session }),
  "quotes/[id]/pdf": (session) => handleStaffQuotePdf(crypto.randomUUID(), { db: t.db, session }),
  "claims/files/[id]": (session) => handleClaimFile(crypto.randomUUID(), { db: t.db, session }),
};
/** Routes whose allowed callers reach the lookup or validation and get a 4xx other than 401/403 from this empty world. */
const PAST_ACCESS: Record<string, number> = { "b2b/quotes/[id]/pdf": 404, "b2b/cart-offer-pdf": 412, "quotes/[id]/pdf": 404, "claims/files/[id]": 404, "b2b/price-list": 400, "b2b/orders/[id]/invoice": 404, "b2b/documents/[id]": 404, "feeds/files/[id]": 404, "supplier/statistics": 400, "supplier/documents/[id]": 404, "supplier/statements/[id]/xlsx": 404 };

describe("role × route (app/api/**/route.ts)", () => {
  it("every route handler is in ROUTE_ACCESS, and every entry has a route", () => {
    const onDisk = routeFiles.map(routeKey).sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(8);
    expect(onDisk.filter((key) => !(key in ROUTE_ACCESS)), "routes that state no access rule").toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((key) => !onDisk.includes(key)), "rules for routes that do not exist").toEqual([]);
  });

  const permissionRoutes = Object.entries(ROUTE_ACCESS).flatMap(([key, access]) => (access.kind === "permission" ? [{ key, permission: access.permission }] : []));
  it("every permission route can be called by the matrix", () => {
    expect(permissionRoutes.filter((r) => !(r.key in CALL_AS)).map((r) => r.key)).toEqual([]);
  });

  describe.each(permissionRoutes)("$key ($permission)", ({ key, permission }) => {
    it("anonymous → 401", async () => {
      expect((await CALL_AS[key]!(null)).status).toBe(401);
    });
    it.each(ROLES.map((role) => ({ role, allowed: allows(role, permission) })))("$role → allowed: $allowed", async ({ role, allowed }) => {
      const status = (await CALL_AS[key]!(sessionOf(role))).status;
      if (allowed) expect(status).toBe(PAST_ACCESS[key] ?? (status < 300 ? status : 200));
      else expect(status).toBe(403);
    });
  });

  /** How the matrix calls a machine route without its key or signature; a machine route missing here fails. */
  const post = (url: string, body: unknown = {}) => new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const CALL_WITHOUT_PROOF: Record<string, () => Promise<Response>> = {
    orders: () => handleCreateOrder(post("http://test/api/orders", { ...orderBody(), auth: undefined }), orderDeps(t.db)),
    "callbacks/[processor]": async () => {
      const world = await prepareFuzzWorld(t.db);
      return handleProcessorCallback(post(`http://test/api/callbacks/${world.processorCode}`, { type: "payment.approved" }), world.processorCode, { db: t.db, encryptionKey: TEST_ENCRYPTION_KEY });
    },
    "shippers/[id]/tracking": () => handleShipperTracking(post("http://test/api/shippers/x/tracking", { events: [] }), "x", { db: t.db, encryptionKey: TEST_ENCRYPTION_KEY }),
    "1c/exchange": () => handleExchange(new Request("http://test/api/1c/exchange?type=catalog&mode=init"), { db: t.db, dir: path.join(process.cwd(), ".data", "matrix-exchange") }),
    "feeds/[token]": () => handleFeedDownload("not-a-real-feed-token-000", { db: t.db }),
    "v1/catalog/products": () => handleCatalogApi(new Request("http://test/api/v1/catalog/products"), { kind: "products" }, { db: t.db }),
    "v1/catalog/products/[sku]": () => handleCatalogApi(new Request("http://test/api/v1/catalog/products/X"), { kind: "product", sku: "X" }, { db: t.db }),
    "v1/catalog/properties": () => handleCatalogApi(new Request("http://test/api/v1/catalog/properties"), { kind: "properties" }, { db: t.db }),
    "v1/catalog/sections": () => handleCatalogApi(new Request("http://test/api/v1/catalog/sections"), { kind: "sections" }, { db: t.db }),
  };
  const machineRoutes = Object.entries(ROUTE_ACCESS).flatMap(([key, access]) => (access.kind === "machine" ? [key] : []));

  it("every machine route can be called by the matrix", () => {
    expect(machineRoutes.filter((key) => !(key in CALL_WITHOUT_PROOF))).toEqual([]);
  });

  it.each(machineRoutes)("%s refuses a caller without its key or signature (it takes no session at all)", async (key) => {
    expect([401, 403, 404]).toContain((await CALL_WITHOUT_PROOF[key]!()).status);
  });

  it("the benchmark route answers 404 unless the benchmark switched it on", async () => {
    expect(ROUTE_ACCESS["bench/intake-baseline"]?.kind).toBe("disabled");
    delete process.env.BENCH_BASELINE_SHOP_ID;
    expect((await benchPost(new Request("http://test/api/bench/intake-baseline", { method: "POST", body: "{}" }))).status).toBe(404);
  });
});

describe("role × page (app/**/page.tsx through the area guards)", () => {
  const PUBLIC_PAGES = ["page.tsx", "(auth)/login/page.tsx", "(auth)/register/page.tsx", "(auth)/register/supplier/page.tsx", "(auth)/set-password/page.tsx"];
  const AREA_OF: Record<string, UserKind | "any"> = { "(staff)": "staff", "(buyer)": "buyer", "(supplier)": "supplier", "(account)": "any" };
  const pages = filesNamed(APP, "page.tsx")
    .filter((f) => !f.startsWith(path.join(APP, "api")))
    .map((file) => {
      const rel = path.relative(APP, file).split(path.sep).join("/");
      const source = readFileSync(file, "utf8");
      const permission = /requirePermission\("([^"]+)"\)|permission="([^"]+)"/.exec(source);
      return { rel, area: AREA_OF[rel.split("/")[0] ?? ""], permission: (permission?.[1] ?? permission?.[2]) as Permission | undefined, session: source.includes("requireSession()") };
    });

  it("every page is public by name, or in a guarded area and asks the permission map", () => {
    const unguarded = pages.filter((p) => !PUBLIC_PAGES.includes(p.rel) && !(p.area && (p.permission || (p.area === "any" && p.session))));
    expect(unguarded.map((p) => p.rel)).toEqual([]);
    for (const p of pages) if (p.permission) expect(Object.keys(PERMISSIONS), p.rel).toContain(p.permission);
  });

  it("the area layouts call the area guard", () => {
    for (const [group, kind] of Object.entries(AREA_OF)) {
      if (kind === "any") continue;
      expect(readFileSync(path.join(APP, group, "layout.tsx"), "utf8"), group).toContain(`requireArea("${kind}")`);
    }
  });

  it("gives every page a role that may open it, and the area refuses every other kind", () => {
    const matrix = pages
      .filter((p) => p.permission && p.area !== "any")
      .map((p) => ({ page: p.rel, roles: ROLES.filter((role) => kindOfRole(role) === p.area && allows(role, p.permission!)) }));
    for (const row of matrix) expect(row.roles.length, `${row.page} is open to no role`).toBeGreaterThan(0);
    // A buyer never opens a staff page, whatever the permission map says of buyers.
    for (const row of matrix.filter((r) => r.page.startsWith("(staff)"))) expect(row.roles).not.toContain("buyer");
  });
});

describe("row scoping", () => {
  let managerA: ActiveSession;
  let managerB: ActiveSession;
  let customerOfA: string;
  let orderOfA: string;
  beforeAll(async () => {
    const head = await makeUser(t.db, { role: "head_manager" });
    const a = await makeUser(t.db, { role: "manager", supervisorId: head.id });
    managerA = await sessionFor(t.db, a.id);
    managerB = await sessionFor(t.db, (await makeUser(t.db, { role: "manager" })).id);
    const shop = await createTestShop(t.db, { name: "Scoped shop", hostname: "scoped.example", defaultManagerId: a.id });
    orderOfA = await placeOrder(orderDeps(t.db), orderBody({ auth: shop.auth, currency: "USD", email: "scoped@example.com" }));
    const [row] = await t.db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderOfA));
    customerOfA = row!.customerId;
  });

  it("a manager cannot read another manager's client or order; the owner can", async () => {
    expect(await outcomeOf(callerFor(t.db, managerB).customers.get({ id: customerOfA }))).toBe("NOT_FOUND");
    expect(await outcomeOf(callerFor(t.db, managerB).customers.orders({ id: customerOfA }))).toBe("NOT_FOUND");
    expect(await outcomeOf(callerFor(t.db, managerB).orders.details({ orderId: orderOfA }))).toBe("NOT_FOUND");
    expect(await outcomeOf(callerFor(t.db, managerA).customers.get({ id: customerOfA }))).toBe("OK");
    expect(await outcomeOf(callerFor(t.db, managerA).orders.details({ orderId: orderOfA }))).toBe("OK");
  });

  it("the call center cannot read an order that was never sent to it, and can once it is", async () => {
    const operator = callerFor(t.db, sessionOf("call_center"));
    expect(await outcomeOf(operator.orders.details({ orderId: orderOfA }))).toBe("NOT_FOUND");
    await changeOrderStatus(t.db, userActor({ id: managerA.user.id, role: "manager" }), orderOfA, "call_center");
    expect(await outcomeOf(operator.orders.details({ orderId: orderOfA }))).toBe("OK");
  });

  it("a buyer cannot read or switch to another company, nor list its employees", async () => {
    const buyer = sessionOf("buyer");
    const otherBuyer = await sessionFor(t.db, (await makeUser(t.db, { role: "buyer" })).id);
    const asA = callerFor(t.db, managerA);
    const own = (await asA.companies.create({ name: "ООО Своя", inn: "7704340310", kpp: "770401011" })).id;
    const foreign = (await callerFor(t.db, managerB).companies.create({ name: "ООО Чужая", inn: "7704340310", kpp: "770401012" })).id;
    await asA.companies.attachMember({ companyId: own, email: buyer.user.email!, accessLevel: 3, isOwner: true });
    await callerFor(t.db, managerB).companies.attachMember({ companyId: foreign, email: otherBuyer.user.email!, accessLevel: 3, isOwner: true });
    const asBuyer = callerFor(t.db, buyer);
    expect(await outcomeOf(asBuyer.buyerAccount.company({ companyId: own }))).toBe("OK");
    expect(await outcomeOf(asBuyer.buyerAccount.company({ companyId: foreign }))).toBe("NOT_FOUND");
    expect(await outcomeOf(asBuyer.buyerAccount.setActiveCompany({ companyId: foreign }))).toBe("NOT_FOUND");
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(await outcomeOf(asBuyer.buyerAccount.employees({ companyId: foreign })));
    // ...and a manager cannot read the other manager's company either.
    expect(await outcomeOf(asA.companies.get({ id: foreign }))).toBe("NOT_FOUND");
  });
});
