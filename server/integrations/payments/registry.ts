import type { AdapterFactory } from "./adapter";
import { sandboxAdapter } from "./sandbox/sandbox-adapter";

/**
 * Every processor adapter by name. A real gateway adds one file and one line here; the router,
 * callbacks and refunds do not change.
 */
export const ADAPTERS = {
  sandbox: sandboxAdapter,
} as const satisfies Record<string, AdapterFactory>;

export type AdapterName = keyof typeof ADAPTERS;
export const ADAPTER_NAMES = Object.keys(ADAPTERS) as [AdapterName, ...AdapterName[]];

/** A processor without an API: the CRM books its fee, never routes a charge to it. */
export const MANUAL_ADAPTER = "manual";
export const PROCESSOR_ADAPTERS = [MANUAL_ADAPTER, ...ADAPTER_NAMES] as const;

export function adapterFactory(name: string): AdapterFactory | null {
  return Object.hasOwn(ADAPTERS, name) ? ADAPTERS[name as AdapterName] : null;
}
