import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { orders, shipments, shippers } from "../../../db/schema";
import { manifestFile, type ManifestFormat } from "../../integrations/shippers/manifest";
import { notFound } from "../errors";
import { buildDispatchRequest } from "./dispatch-request";

/**
 * The manual shipper's hand-over file: every shipment it accepted that has no tracking number
 * yet (or only those given), as CSV or XLSX, for staff to send by whatever means the shipper takes.
 */
export async function manualManifest(db: Db, shipperId: string, format: ManifestFormat, now = new Date()) {
  const [shipper] = await db.select().from(shippers).where(eq(shippers.id, shipperId)).limit(1);
  if (!shipper) throw notFound("Shipper");
  const rows = await db
    .select({ shipment: shipments, order: orders })
    .from(shipments)
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .where(and(eq(shipments.shipperId, shipperId), inArray(shipments.status, ["accepted"])))
    .orderBy(asc(shipments.id))
    .limit(5000);
  const requests = await Promise.all(rows.map(({ shipment, order }) => buildDispatchRequest(db, order, shipment, shipper)));
  const file = await manifestFile(requests, format, `${shipper.code}-${now.toISOString().slice(0, 10)}`);
  return { filename: file.filename, contentType: file.contentType, base64: file.content.toString("base64"), count: requests.length };
}
