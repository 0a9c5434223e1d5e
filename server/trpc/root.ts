import { accountRouter } from "./routers/account";
import { settingsRouter } from "./routers/settings";
import { usersRouter } from "./routers/users";
import { shopsRouter } from "./routers/shops";
import { fxRatesRouter } from "./routers/fx-rates";
import { ordersRouter } from "./routers/orders";
import { emailsRouter } from "./routers/emails";
import { dashboardRouter } from "./routers/dashboard";
import { paymentsRouter } from "./routers/payments";
import { customersRouter } from "./routers/customers";
import { fulfilmentRouter } from "./routers/fulfilment";
import { pricingRouter } from "./routers/pricing";
import { companiesRouter } from "./routers/companies";
import { regionsRouter } from "./routers/regions";
import { buyerAccountRouter } from "./routers/buyer-account";
import { catalogRouter } from "./routers/catalog";
import { b2bOrderingRouter } from "./routers/b2b-ordering";
import { exchangeRouter } from "./routers/exchange";
import { feedsRouter } from "./routers/feeds";
import { webhooksRouter } from "./routers/webhooks";
import { supplierOrdersRouter } from "./routers/supplier-orders";
import { workplaceRouter } from "./routers/workplace";
import { notificationsRouter } from "./routers/notifications";
import { statisticsRouter } from "./routers/statistics";
import { auditRouter } from "./routers/audit";
import { supplierProductsRouter } from "./routers/supplier-products";
import { productModerationRouter } from "./routers/product-moderation";
import { suppliersRouter } from "./routers/suppliers";
import { quotesRouter } from "./routers/quotes";
import { claimsRouter } from "./routers/claims";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  users: usersRouter,
  settings: settingsRouter,
  shops: shopsRouter,
  fxRates: fxRatesRouter,
  orders: ordersRouter,
  emails: emailsRouter,
  dashboard: dashboardRouter,
  payments: paymentsRouter,
  customers: customersRouter,
  fulfilment: fulfilmentRouter,
  pricing: pricingRouter,
  companies: companiesRouter,
  regions: regionsRouter,
  buyerAccount: buyerAccountRouter,
  catalog: catalogRouter,
  ordering: b2bOrderingRouter,
  supplierProducts: supplierProductsRouter,
  productModeration: productModerationRouter,
  exchange: exchangeRouter,
  feeds: feedsRouter,
  webhooks: webhooksRouter,
  supplierOrders: supplierOrdersRouter,
  workplace: workplaceRouter,
  notifications: notificationsRouter,
  statistics: statisticsRouter,
  audit: auditRouter,
  suppliers: suppliersRouter,
  quotes: quotesRouter,
  claims: claimsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
