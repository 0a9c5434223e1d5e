import { CALL_CENTER_STATUSES, ORDER_STATUSES, PAYMENT_METHODS, type CallCenterStatus, type OrderStatus, type PaymentMethod } from "@/server/domain/orders/order-statuses";
import type { OrderListQuery, OrderSort } from "@/server/domain/orders/order-list-query";

/** The orders list's state as it lives in the URL, so a view can be bookmarked and shared. */
export interface OrdersUrlState {
  status?: OrderStatus;
  cc?: CallCenterStatus;
  q?: string;
  from?: string;
  to?: string;
  shop?: string;
  country?: string;
  pm?: PaymentMethod;
  processor?: string;
  sort?: OrderSort;
  dir?: "asc" | "desc";
  cursor?: string;
  before?: boolean;
}

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined => (value && (values as readonly string[]).includes(value) ? (value as T) : undefined);
const text = (value: string | null) => (value && value.trim() ? value.trim() : undefined);
const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const uuid = (value: string | null) => (value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);

export function readOrdersUrl(params: URLSearchParams): OrdersUrlState {
  return {
    status: pick(ORDER_STATUSES, params.get("status")),
    cc: pick(CALL_CENTER_STATUSES, params.get("cc")),
    q: text(params.get("q")),
    from: day(params.get("from")),
    to: day(params.get("to")),
    shop: uuid(params.get("shop")),
    country: params.get("country")?.match(/^[A-Za-z]{2}$/) ? params.get("country")!.toUpperCase() : undefined,
    pm: pick(PAYMENT_METHODS, params.get("pm")),
    processor: uuid(params.get("processor")),
    sort: pick(["created", "total", "queue"] as const, params.get("sort")),
    dir: pick(["asc", "desc"] as const, params.get("dir")),
    cursor: text(params.get("cursor")),
    before: params.get("before") === "1" || undefined,
  };
}

export function ordersUrl(state: OrdersUrlState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === "" || value === false) continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const query = params.toString();
  return query ? `/orders?${query}` : "/orders";
}

/** The filters shared by the list, the tab counts and the export. */
export function filtersOf(state: OrdersUrlState) {
  return {
    search: state.q,
    from: state.from,
    to: state.to,
    shopId: state.shop,
    country: state.country,
    paymentMethod: state.pm,
    processorId: state.processor,
  };
}

export function listQueryOf(state: OrdersUrlState, operator: boolean): OrderListQuery {
  return {
    ...filtersOf(state),
    status: operator ? "call_center" : state.status,
    callCenterStatus: state.cc,
    sort: operator ? (state.sort ?? "queue") : state.sort === "queue" ? "created" : (state.sort ?? "created"),
    dir: state.dir ?? "desc",
    cursor: state.cursor,
    before: state.before ?? false,
    limit: 25,
  };
}

export function exportHref(state: OrdersUrlState, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams({ format });
  const filters = { ...filtersOf(state), status: state.status, callCenterStatus: state.cc, sort: state.sort === "total" ? "total" : "created", dir: state.dir };
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return `/api/orders/export?${params.toString()}`;
}
