import type { ShipperAdapterFactory } from "./adapter";
import { emailShipper } from "./email-adapter";
import { httpJsonShipper } from "./http-json-adapter";
import { manualShipper } from "./manual-adapter";

/** Every shipper adapter by name; a new kind of shipper adds one file and one line here. */
export const SHIPPER_ADAPTERS = {
  http_json: httpJsonShipper,
  email: emailShipper,
  manual: manualShipper,
} as const satisfies Record<string, ShipperAdapterFactory>;

export type ShipperAdapterName = keyof typeof SHIPPER_ADAPTERS;
export const SHIPPER_ADAPTER_NAMES = Object.keys(SHIPPER_ADAPTERS) as [ShipperAdapterName, ...ShipperAdapterName[]];

export function shipperAdapterFactory(name: string): ShipperAdapterFactory | null {
  return Object.hasOwn(SHIPPER_ADAPTERS, name) ? SHIPPER_ADAPTERS[name as ShipperAdapterName] : null;
}
