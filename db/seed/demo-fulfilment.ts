import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { shippers } from "../schema";

/**
 * Demo shippers: "Demo Warehouse" (manual adapter: accepts at once, staff download the file)
 * serves every country, so Send to shipper works on first start; "EU Fulfilment" speaks the
 * HTTP JSON contract to the sandbox shipper (npm run sandbox:shipper) and is off until an admin
 * gives it a secret (New secret) and enables it. Orders already packed or shipped in the demo
 * history get their shipment records.
 */
export async function seedDemoShippers(db: Db): Promise<void> {
  const [warehouse] = await db
    .insert(shippers)
    .values([
      {
        code: "demo-warehouse",
        name: "Demo Warehouse",
        adapter: "manual",
        priority: 100,
        settings: { format: "xlsx", carrier: "USPS", trackingUrl: "https://tools.usps.com/go/TrackConfirmAction?tLabels={tracking_number}" },
      },
      {
        code: "eu-fulfilment",
        name: "EU Fulfilment",
        adapter: "http_json",
        isEnabled: false,
        priority: 10,
        countries: ["DE", "FR", "IT", "ES", "NL", "AT", "PL"],
        skuMap: [{ sku: "VTB-20-30", code: "EU-VITB-30", multiplier: 1 }],
        settings: { url: "http://127.0.0.1:4020/orders", carrier: "DHL", trackingUrl: "https://www.dhl.com/track?id={tracking_number}" },
      },
    ])
    .onConflictDoNothing()
    .returning({ id: shippers.id });
  if (!warehouse) return;
  await db.execute(sql`
    insert into shipments (order_id, shipper_id, kind, status, tracking_number, carrier, tracking_url, attempts, created_at, accepted_at, shipped_at, delivered_at, updated_at)
    select o.id, ${warehouse.id}::uuid, 'ship',
      (case o.status when 'delivered' then 'delivered' when 'packed' then 'accepted' else 'shipped' end)::shipment_status,
      o.tracking_number, case when o.tracking_number is null then null else 'USPS' end,
      case when o.tracking_number is null then null else 'https://tools.usps.com/go/TrackConfirmAction?tLabels=' || o.tracking_number end,
      1, coalesce(o.paid_at, o.created_at), coalesce(o.paid_at, o.created_at), o.shipped_at,
      case when o.status = 'delivered' then o.shipped_at + interval '6 days' end, o.updated_at
    from orders o
    where o.status in ('packed', 'shipped', 'reshipped', 'delivered') and not exists (select 1 from shipments s where s.order_id = o.id)`);
  await db.execute(sql`update orders set shipper_id = ${warehouse.id}::uuid where status in ('packed', 'shipped', 'reshipped', 'delivered') and shipper_id is null`);
}
