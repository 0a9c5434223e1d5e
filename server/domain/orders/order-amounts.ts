import { DomainError } from "../errors";
import { fromMinorUnits, toMinorUnits } from "../money/money";
import type { OrderRequest } from "./intake-schema";

export interface OrderAmounts {
  currency: string;
  items: Array<{ priceMinor: number; lineTotalMinor: number }>;
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  insuranceMinor: number;
  totalMinor: number;
  insurance: boolean;
}

const truthy = (v: unknown) => v === true || v === 1 || v === "1" || v === "true";

function minor(value: number | string, currency: string, field: string): number {
  const result = toMinorUnits(value, currency);
  if (result === null) throw new DomainError("BAD_INPUT", `${field} has more decimals than ${currency} allows`, { field });
  return result;
}

/**
 * Turns the shop's decimal figures into minor units and checks they add up: what the customer
 * pays is items (after the coupon) + shipping + insurance. `total` may be sent before or after
 * the coupon (the customer's document allows both readings); anything else is refused.
 */
export function computeOrderAmounts(request: OrderRequest): OrderAmounts {
  const currency = (request.options.currency ?? request.currency ?? "USD").toUpperCase();
  const items = request.products.map((p, i) => {
    const priceMinor = minor(p.price, currency, `products.${i}.price`);
    return { priceMinor, lineTotalMinor: priceMinor * p.quantity };
  });
  const subtotalMinor = items.reduce((sum, item) => sum + item.lineTotalMinor, 0);
  const method = request.shipping_method;
  const shippingMinor = method?.price !== undefined ? minor(method.price, currency, "shipping_method.price") : 0;
  const insurance = truthy(request.options.insurance) || truthy(method?.insurance);
  const insuranceMinor = insurance && method?.insurance_price !== undefined ? minor(method.insurance_price, currency, "shipping_method.insurance_price") : 0;

  let discountMinor = 0;
  if (request.coupon && truthy(request.coupon.used) && request.discountedTotal !== undefined) {
    const discounted = minor(request.discountedTotal, currency, "discountedTotal");
    if (discounted > subtotalMinor) {
      throw new DomainError("BAD_INPUT", "discountedTotal must not exceed the sum of the products", { field: "discountedTotal" });
    }
    discountMinor = subtotalMinor - discounted;
  }
  const totalMinor = subtotalMinor - discountMinor + shippingMinor + insuranceMinor;
  if (request.total !== undefined) {
    const declared = minor(request.total, currency, "total");
    const beforeCoupon = subtotalMinor + shippingMinor + insuranceMinor;
    if (declared !== totalMinor && declared !== beforeCoupon) {
      throw new DomainError(
        "BAD_INPUT",
        `total ${request.total} does not match the products, shipping and insurance (${fromMinorUnits(beforeCoupon, currency)} before coupon, ${fromMinorUnits(totalMinor, currency)} after)`,
        { field: "total" },
      );
    }
  }
  return { currency, items, subtotalMinor, discountMinor, shippingMinor, insuranceMinor, totalMinor, insurance };
}
