import type { ShipperAdapterFactory } from "./adapter";

/**
 * A shipper without an API: staff download the accepted shipments as CSV/XLSX from the
 * shippers page and hand the file over themselves. Acceptance is immediate.
 */
export const manualShipper: ShipperAdapterFactory = () => ({
  adapter: "manual",
  async dispatch() {
    return { outcome: "accepted", message: "Queued for the manual download" };
  },
});
