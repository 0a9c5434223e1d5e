/**
 * Where a parcel is, as a carrier-tracking service reports it. A real service (17TRACK,
 * AfterShip) adds one implementation; `trackingSimulator` answers from a table for tests and
 * the demo.
 */
export type ParcelStatus = "unknown" | "in_transit" | "delivered" | "exception";

export interface TrackingStatusAdapter {
  readonly name: string;
  status(trackingNumber: string, carrier: string | null): Promise<{ status: ParcelStatus; at?: Date; message?: string }>;
}

/** Answers from `statuses` (tracking number → status); anything else is in transit. */
export function trackingSimulator(statuses: Map<string, ParcelStatus> = new Map()): TrackingStatusAdapter & { statuses: Map<string, ParcelStatus> } {
  return {
    name: "simulator",
    statuses,
    async status(trackingNumber) {
      return { status: statuses.get(trackingNumber) ?? "in_transit" };
    },
  };
}
