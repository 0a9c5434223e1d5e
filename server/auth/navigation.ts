import { can, type Permission } from "./permissions";
import type { Role } from "./roles";

/** Icon names are resolved to components in the sidebar, so this file stays plain data. */
export type NavIcon =
  | "dashboard" | "orders" | "customers" | "catalog" | "moderation" | "companies"
  | "users" | "settings" | "cart" | "documents" | "products" | "account" | "shops" | "fx" | "mail" | "templates" | "shippers" | "processors" | "pricing" | "priceCheck"
  | "regions" | "warehouses" | "applications" | "favorites" | "priceList" | "apiKey" | "exchange" | "feeds" | "webhooks"
  | "workplace" | "statistics" | "audit" | "notifications" | "finance" | "suppliers" | "news" | "profile" | "quotes" | "claims";

export interface NavItem {
  href: string;
  labelKey: string;
  icon: NavIcon;
  permission: Permission;
}

export interface NavSection {
  titleKey: string;
  items: NavItem[];
}

const NAVIGATION: NavSection[] = [
  {
    titleKey: "nav.section.crm",
    items: [
      { href: "/workplace", labelKey: "workplace.nav", icon: "workplace", permission: "workplace.view" },
      { href: "/dashboard", labelKey: "nav.dashboard", icon: "dashboard", permission: "dashboard.view" },
      { href: "/statistics", labelKey: "salesStats.nav", icon: "statistics", permission: "statistics.view" },
      { href: "/orders", labelKey: "nav.orders", icon: "orders", permission: "orders.view" },
      { href: "/customers", labelKey: "nav.customers", icon: "customers", permission: "customers.view" },
      { href: "/mail", labelKey: "nav.mail", icon: "mail", permission: "mail.view" },
    ],
  },
  {
    titleKey: "nav.section.b2b",
    items: [
      { href: "/catalog", labelKey: "nav.catalog", icon: "catalog", permission: "catalog.view" },
      { href: "/catalog/feeds", labelKey: "feeds.nav", icon: "feeds", permission: "feeds.manage" },
      { href: "/companies", labelKey: "nav.companies", icon: "companies", permission: "companies.view" },
      { href: "/companies/applications", labelKey: "companies.nav.applications", icon: "applications", permission: "companies.applications" },
      { href: "/moderation", labelKey: "nav.moderation", icon: "moderation", permission: "moderation.review" },
      { href: "/moderation/news", labelKey: "suppliers.nav.newsModeration", icon: "news", permission: "moderation.review" },
      { href: "/suppliers", labelKey: "suppliers.nav.suppliers", icon: "suppliers", permission: "suppliers.review" },
      { href: "/settings/pricing/check", labelKey: "pricing.nav.check", icon: "priceCheck", permission: "pricing.check" },
      { href: "/b2b-orders", labelKey: "ordering.nav.staffOrders", icon: "orders", permission: "b2bOrders.view" },
      { href: "/quotes", labelKey: "quotes.nav", icon: "quotes", permission: "quotes.manage" },
      { href: "/claims", labelKey: "claims.nav", icon: "claims", permission: "claims.manage" },
      { href: "/supplier-finance", labelKey: "supplierOrders.nav.staffFinance", icon: "finance", permission: "suppliers.finance" },
    ],
  },
  {
    titleKey: "nav.section.buyer",
    items: [
      { href: "/b2b", labelKey: "nav.buyerHome", icon: "cart", permission: "buyer.cabinet" },
      { href: "/b2b/catalog", labelKey: "catalog.nav.catalog", icon: "catalog", permission: "buyer.cabinet" },
      { href: "/b2b/cart", labelKey: "ordering.nav.cart", icon: "cart", permission: "buyer.cabinet" },
      { href: "/b2b/orders", labelKey: "ordering.nav.orders", icon: "orders", permission: "buyer.cabinet" },
      { href: "/b2b/quotes", labelKey: "quotes.nav", icon: "quotes", permission: "buyer.cabinet" },
      { href: "/b2b/claims", labelKey: "claims.nav", icon: "claims", permission: "buyer.cabinet" },
      { href: "/b2b/favorites", labelKey: "catalog.nav.favorites", icon: "favorites", permission: "buyer.cabinet" },
      { href: "/b2b/price-list", labelKey: "priceList.nav", icon: "priceList", permission: "buyer.cabinet" },
      { href: "/b2b/balance", labelKey: "ordering.nav.balance", icon: "documents", permission: "buyer.cabinet" },
      { href: "/b2b/company", labelKey: "companies.nav.myCompany", icon: "companies", permission: "buyer.cabinet" },
      { href: "/b2b/api", labelKey: "catalogApi.nav", icon: "apiKey", permission: "buyer.cabinet" },
      { href: "/b2b/news", labelKey: "suppliers.nav.buyerNews", icon: "news", permission: "buyer.cabinet" },
    ],
  },
  {
    titleKey: "nav.section.supplier",
    items: [
      { href: "/supplier", labelKey: "nav.supplierHome", icon: "dashboard", permission: "supplier.cabinet" },
      { href: "/supplier/products", labelKey: "supplierProducts.nav.products", icon: "catalog", permission: "supplier.cabinet" },
      { href: "/supplier/products/import", labelKey: "supplierProducts.nav.import", icon: "exchange", permission: "supplier.cabinet" },
      { href: "/supplier/orders", labelKey: "supplierOrders.nav.orders", icon: "orders", permission: "supplier.cabinet" },
      { href: "/supplier/statistics", labelKey: "supplierOrders.nav.statistics", icon: "statistics", permission: "supplier.cabinet" },
      { href: "/supplier/finance", labelKey: "supplierOrders.nav.finance", icon: "finance", permission: "supplier.cabinet" },
      { href: "/supplier/profile", labelKey: "suppliers.nav.profile", icon: "profile", permission: "supplier.cabinet" },
      { href: "/supplier/news", labelKey: "suppliers.nav.news", icon: "news", permission: "supplier.cabinet" },
    ],
  },
  {
    titleKey: "nav.section.admin",
    items: [
      { href: "/settings/users", labelKey: "nav.users", icon: "users", permission: "users.manage" },
      { href: "/settings/shops", labelKey: "nav.shops", icon: "shops", permission: "shops.manage" },
      { href: "/settings/processors", labelKey: "processors.nav", icon: "processors", permission: "processors.manage" },
      { href: "/settings/shippers", labelKey: "fulfilment.navShippers", icon: "shippers", permission: "shippers.manage" },
      { href: "/settings/webhooks", labelKey: "webhooks.nav", icon: "webhooks", permission: "webhooks.manage" },
      { href: "/settings/regions", labelKey: "companies.nav.regions", icon: "regions", permission: "regions.manage" },
      { href: "/settings/warehouses", labelKey: "companies.nav.warehouses", icon: "warehouses", permission: "regions.manage" },
      { href: "/settings/fx-rates", labelKey: "nav.fxRates", icon: "fx", permission: "fx.manage" },
      { href: "/settings/pricing", labelKey: "pricing.nav.settings", icon: "pricing", permission: "pricing.manage" },
      { href: "/settings/emails", labelKey: "nav.emails", icon: "templates", permission: "emails.manage" },
      { href: "/settings/security", labelKey: "nav.security", icon: "settings", permission: "settings.manage" },
      { href: "/settings/exchange", labelKey: "exchange.nav", icon: "exchange", permission: "exchange.manage" },
      { href: "/settings/notifications", labelKey: "notifications.nav", icon: "notifications", permission: "notifications.manage" },
      { href: "/settings/audit", labelKey: "audit.nav", icon: "audit", permission: "audit.view" },
    ],
  },
];

export function navigationFor(role: Role): NavSection[] {
  return NAVIGATION.map((section) => ({
    ...section,
    items: section.items.filter((item) => can(role, item.permission)),
  })).filter((section) => section.items.length > 0);
}

/** The permission a page path needs: the longest nav prefix that matches decides. */
export function permissionForPath(pathname: string): Permission | undefined {
  let best: NavItem | undefined;
  for (const item of NAVIGATION.flatMap((s) => s.items)) {
    const matches = pathname === item.href || pathname.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best?.permission;
}
