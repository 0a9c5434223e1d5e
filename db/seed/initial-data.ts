import { randomBytes } from "node:crypto";
import { count, inArray } from "drizzle-orm";
import { kindOfRole } from "../../server/auth/roles";
import { hashPassword } from "../../server/domain/auth/passwords";
import type { Db } from "../client";
import { companies, shippers, shops, users } from "../schema";
import { hasCatalog, seedDemoCatalog } from "./demo-catalog";
import { seedDemoCompanies } from "./demo-companies";
import { seedDemoPricing } from "./demo-pricing";
import { seedDemoOrdering } from "./demo-ordering";
import { seedDemoSuppliers } from "./demo-suppliers";
import { seedDemoSupplierOrders } from "./demo-supplier-orders";
import { seedDemoWorkplace } from "./demo-workplace";
import { seedDemoSupplierProducts } from "./demo-supplier-products";
import { seedDemoSupplierRegistration } from "./demo-supplier-registration";
import { seedDemoQuotesClaims } from "./demo-quotes-claims";
import { seedDemoShippers } from "./demo-fulfilment";
import { demoShopCredentials, seedDemoShopData } from "./demo-shop-data";
import { DEMO_USERS } from "./demo-users";

interface InitialDataOptions {
  seedDemo: boolean;
  authSecret: string;
  log: (line: string) => void;
}

/**
 * First start on an empty database: demo logins for the embedded demo, or a single admin with a
 * one-time random password for a real deployment (a known demo password there would be a hole).
 */
export async function ensureInitialData(db: Db, options: InitialDataOptions): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(users);
  const empty = (existing?.n ?? 0) === 0;

  if (empty && options.seedDemo) {
    await seedDemoUsers(db);
  } else if (empty) {
    const password = randomBytes(12).toString("base64url");
    await db.insert(users).values({
      kind: "staff",
      role: "admin",
      name: "Administrator",
      username: "admin",
      passwordHash: await hashPassword(password),
    });
    options.log(`\n[t3-crm] Created the first admin. Log in as "admin" with password: ${password}\n[t3-crm] Change it after the first login.\n`);
    return;
  }
  if (!options.seedDemo) return;
  const [shopCount] = await db.select({ n: count() }).from(shops);
  if ((shopCount?.n ?? 0) === 0) {
    const started = Date.now();
    await seedDemoShopData(db, { authSecret: options.authSecret });
    options.log(`[t3-crm] Demo shops, FX rates and orders created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const [shipperCount] = await db.select({ n: count() }).from(shippers);
  if ((shipperCount?.n ?? 0) === 0) await seedDemoShippers(db);
  if (!(await hasCatalog(db))) {
    const started = Date.now();
    const catalog = await seedDemoCatalog(db);
    options.log(`[t3-crm] Demo catalog (${catalog.products} products, ${catalog.categories} sections) created in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const [companyCount] = await db.select({ n: count() }).from(companies);
  if ((companyCount?.n ?? 0) === 0) await seedDemoCompanies(db);
  // After the catalog and companies: the demo rules look up their brands, sections and SKUs.
  await seedDemoPricing(db);
  await seedDemoOrdering(db);
  await seedDemoSuppliers(db);
  await seedDemoSupplierOrders(db);
  await seedDemoWorkplace(db);
  await seedDemoSupplierProducts(db);
  await seedDemoSupplierRegistration(db);
  await seedDemoQuotesClaims(db);
  await printDemoLogins(db, options.log);
  const shop = demoShopCredentials(options.authSecret);
  options.log(`[t3-crm] Demo shop API (POST /api/orders): api_id=${shop.apiId} api_key=${shop.apiKey}\n`);
}

export async function seedDemoUsers(db: Db): Promise<void> {
  const rows = await Promise.all(
    DEMO_USERS.map(async (u) => ({
      kind: kindOfRole(u.role),
      role: u.role,
      name: u.name,
      username: u.username ?? null,
      email: u.email,
      phone: u.phone ?? null,
      locale: u.locale,
      passwordHash: await hashPassword(u.password),
    })),
  );
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(users).values(rows).returning({ id: users.id, role: users.role });
    const head = inserted.find((u) => u.role === "head_manager");
    const managerIds = inserted.filter((u) => u.role === "manager").map((u) => u.id);
    if (head && managerIds.length) await tx.update(users).set({ supervisorId: head.id }).where(inArray(users.id, managerIds));
  });
}

async function printDemoLogins(db: Db, log: (line: string) => void): Promise<void> {
  const present = await db.select({ email: users.email, isActive: users.isActive }).from(users).where(inArray(users.email, DEMO_USERS.map((u) => u.email)));
  const active = new Set(present.filter((u) => u.isActive).map((u) => u.email));
  const lines = DEMO_USERS.filter((u) => active.has(u.email)).map(
    (u) => `  ${u.role.padEnd(18)} ${(u.username ?? u.email).padEnd(28)} ${u.password}`,
  );
  if (!lines.length) return;
  log(["", "[t3-crm] Demo logins (role, login, password):", ...lines, ""].join("\n"));
}

