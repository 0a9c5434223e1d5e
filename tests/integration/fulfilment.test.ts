import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outbox, shipments } from "@/db/schema";
import { statusEmailHandler } from "@/server/domain/email/send-status-email";
import { markDelivered, pollDeliveries } from "@/server/domain/fulfilment/delivery";
import { shipmentDispatchHandler } from "@/server/domain/fulfilment/dispatch-job";
import { importTrackingFile } from "@/server/domain/fulfilment/import-tracking";
import { manualManifest } from "@/server/domain/fulfilment/manual-download";
import { bulkRequestDispatch, requestDispatch, SHIPMENT_DISPATCH_TOPIC } from "@/server/domain/fulfilment/request-dispatch";
import { createShipper, updateShipper, type PublicShipper } from "@/server/domain/fulfilment/shippers";
import { addTrackingNumber } from "@/server/domain/fulfilment/tracking";
import { changeOrderStatus } from "@/server/domain/orders/change-status";
import { createShop, type PublicShop } from "@/server/domain/shops/shops";
import { handleShipperTracking } from "@/server/http/shipper-tracking";
import { smtpTransport } from "@/server/integrations/mail/transport";
import { startSandboxShipper, type SandboxShipper } from "@/server/integrations/shippers/sandbox/sandbox-shipper";
import { trackingSimulator } from "@/server/integrations/shippers/tracking-status";
import { runDueJobs, type JobHandlers } from "@/server/jobs/worker";
import { domainError, outcomeOf } from "../helpers/errors";
import { callerFor, makeUser, sessionFor, TEST_ENCRYPTION_KEY } from "../helpers/fixtures";
import { eventsOf, orderRow, placeOrder, shipmentsOf, trackingPush } from "../helpers/fulfilment-fixtures";
import { LocalSmtp } from "../helpers/local-smtp";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let shop: PublicShop;
let admin: Awaited<ReturnType<typeof makeUser>>;
let http: PublicShipper;
let httpSecret: string;
let sandbox: SandboxShipper;
let handlers: JobHandlers;
const smtp = new LocalSmtp();
const deps = () => ({ db: t.db, encryptionKey: TEST_ENCRYPTION_KEY });
const manager = () => ({ type: "user" as const, id: admin.id, role: "admin" as const, name: admin.name });

/** Runs every due job (e-mails and dispatches), as the worker would. */
const drain = async (now?: Date) => {
  while ((await runDueJobs(t.db, handlers, { now })) > 0);
};
const mailsTo = (address: string) => smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === address);

async function paidOrder(options: Parameters<typeof placeOrder>[2] = {}) {
  const id = await placeOrder(t.db, shop, options);
  await changeOrderStatus(t.db, manager(), id, "approved");
  return id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await smtp.start();
  const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`);
  handlers = {
    "email.order_status": statusEmailHandler({ transport, from: "Shop <no-reply@test.local>" }),
    [SHIPMENT_DISPATCH_TOPIC]: shipmentDispatchHandler({ encryptionKey: TEST_ENCRYPTION_KEY, mail: transport, mailFrom: "CRM <crm@test.local>", timeoutMs: 3000 }),
  };
  admin = await makeUser(t.db, { role: "admin" });
  ({ shop } = await createShop(t.db, { id: admin.id, role: "admin" }, { name: "VitaStore", hostname: "vitastore.example" }));
  const created = await createShipper(
    t.db,
    {
      code: "eu-warehouse",
      name: "EU Warehouse",
      adapter: "http_json",
      priority: 10,
      countries: ["DE", "FR", "AT"],
      skuMap: [{ sku: "VTB-20-30", code: "WH-VITB-30", multiplier: 2 }],
      settings: { url: "http://127.0.0.1:9/orders", carrier: "DHL", trackingUrl: "https://www.dhl.com/track?id={tracking_number}" },
    },
    TEST_ENCRYPTION_KEY,
  );
  httpSecret = created.secret;
  sandbox = await startSandboxShipper({ secret: httpSecret });
  http = await updateShipper(t.db, { id: created.shipper.id, settings: { url: sandbox.url, carrier: "DHL", trackingUrl: "https://www.dhl.com/track?id={tracking_number}" } });
});

afterAll(async () => {
  await sandbox.close();
  await smtp.stop();
  await t.destroy();
});

beforeEach(async () => {
  await drain();
  smtp.received = [];
  sandbox.mode = "accept";
  sandbox.received = [];
});

describe("dispatch to an HTTP JSON shipper", () => {
  it("queues through the outbox, signs the body, maps SKUs, and packs the order only when the shipper accepts", async () => {
    const id = await paidOrder({ email: "dispatch@example.com", products: [{ sku: "VTB-20-30", quantity: 3 }, { sku: "OTHER-1", quantity: 1 }] });
    await drain();
    smtp.received = [];
    const queued = await requestDispatch(t.db, manager(), id);
    expect(queued.shipper).toBe("EU Warehouse");
    expect((await orderRow(t.db, id)).status).toBe("approved");
    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.orderId, id), eq(outbox.topic, SHIPMENT_DISPATCH_TOPIC)));
    expect(job).toMatchObject({ status: "pending", payload: { shipmentId: queued.shipmentId } });

    await drain();
    expect(sandbox.received).toHaveLength(1);
    const sent = sandbox.received[0]!;
    expect(sent.idempotencyKey).toBe(`shipment-${queued.shipmentId}`);
    expect(sent.order).toMatchObject({ orderId: id, kind: "ship", address: { country: "DE", city: "Berlin" } });
    expect(sent.order.lines).toEqual([
      { sku: "VTB-20-30", code: "WH-VITB-30", name: "Product 1", quantity: 6 },
      { sku: "OTHER-1", code: "OTHER-1", name: "Product 2", quantity: 1 },
    ]);
    const row = await orderRow(t.db, id);
    expect(row).toMatchObject({ status: "packed", shipperId: http.id });
    const [shipment] = await shipmentsOf(t.db, id);
    expect(shipment).toMatchObject({ status: "accepted", kind: "ship", attempts: 1 });
    expect(shipment!.externalId).toMatch(/^SHP-/);
    const events = await eventsOf(t.db, id);
    expect(events.filter((e) => e.type === "shipment").map((e) => e.message)).toEqual([
      "Dispatch to EU Warehouse queued",
      expect.stringContaining("Dispatch accepted by EU Warehouse"),
    ]);
    expect(events.find((e) => e.toStatus === "packed")).toMatchObject({ actorType: "shipper", actorName: "EU Warehouse", fromStatus: "approved" });
    const packedMail = mailsTo("dispatch@example.com");
    expect(packedMail.map((m) => m.subject)).toEqual([expect.stringContaining("is packed")]);
  });

  it("a refusal is an error on the order's log and no status change; sending again after the fix packs it", async () => {
    const id = await paidOrder({ email: "refused@example.com" });
    await drain();
    smtp.received = [];
    sandbox.mode = "refuse";
    await requestDispatch(t.db, manager(), id);
    await drain();
    expect((await orderRow(t.db, id)).status).toBe("approved");
    const [refused] = await shipmentsOf(t.db, id);
    expect(refused).toMatchObject({ status: "refused", lastError: expect.stringContaining("Unknown product code") });
    const error = (await eventsOf(t.db, id)).find((e) => e.type === "error");
    expect(error?.message).toMatch(/Dispatch refused by EU Warehouse \(attempt 1\).*Unknown product code.*send again/);
    expect(mailsTo("refused@example.com")).toHaveLength(0);

    // The manager retries: a new shipment, accepted this time.
    sandbox.mode = "accept";
    await requestDispatch(t.db, manager(), id);
    await drain();
    expect((await orderRow(t.db, id)).status).toBe("packed");
    expect((await shipmentsOf(t.db, id)).map((s) => s.status)).toEqual(["refused", "accepted"]);
    expect(mailsTo("refused@example.com").map((m) => m.subject)).toEqual([expect.stringContaining("is packed")]);
  });

  it("an unreachable shipper is retried by the outbox with backoff, with an error per attempt, never silently", async () => {
    const id = await paidOrder({ email: "retry@example.com" });
    await drain();
    sandbox.mode = "unavailable";
    const { shipmentId } = await requestDispatch(t.db, manager(), id);
    const start = new Date();
    await runDueJobs(t.db, handlers, { now: start });
    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.orderId, id), eq(outbox.topic, SHIPMENT_DISPATCH_TOPIC)));
    expect(job).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("HTTP 503") });
    expect((await shipmentsOf(t.db, id))[0]).toMatchObject({ id: shipmentId, status: "queued", attempts: 1 });
    const errors = (await eventsOf(t.db, id)).filter((e) => e.type === "error");
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/Dispatch to EU Warehouse failed \(attempt 1\): The shipper answered HTTP 503.*next try at/)]);
    expect((await orderRow(t.db, id)).status).toBe("approved");
    // A second request while one is in flight is refused, not doubled.
    expect((await domainError(requestDispatch(t.db, manager(), id), "CONFLICT")).message).toMatch(/already on its way/);

    sandbox.mode = "accept";
    await drain(new Date(start.getTime() + 20_000));
    expect((await orderRow(t.db, id)).status).toBe("packed");
    expect((await shipmentsOf(t.db, id))[0]).toMatchObject({ status: "accepted", attempts: 2 });
    expect(sandbox.received.map((r) => r.answeredWith)).toEqual([503, 200]);
  });

  it("routes by destination country and SKU, and says why when no shipper fits", async () => {
    const nowhere = await paidOrder({ country: "BR" });
    expect((await domainError(requestDispatch(t.db, manager(), nowhere), "PRECONDITION_FAILED")).message).toMatch(/No enabled shipper serves BR/);
    const unpaid = await placeOrder(t.db, shop);
    expect((await domainError(requestDispatch(t.db, manager(), unpaid), "PRECONDITION_FAILED")).message).toMatch(/not paid|cannot go/);
    const results = await bulkRequestDispatch(t.db, manager(), [nowhere, unpaid, await paidOrder()]);
    expect(results.map((r) => r.ok)).toEqual([false, false, true]);
  });
});

describe("other adapters", () => {
  it("the e-mail shipper gets the order as a CSV attachment over SMTP; accepted when the server takes it", async () => {
    const { shipper } = await createShipper(t.db, { code: "mail-wh", name: "Mail Warehouse", adapter: "email", priority: 5, countries: ["PL"], settings: { email: "orders@warehouse.test", format: "csv" } }, TEST_ENCRYPTION_KEY);
    const id = await paidOrder({ country: "PL", email: "pl@example.com" });
    await drain();
    smtp.received = [];
    expect((await requestDispatch(t.db, manager(), id)).shipper).toBe(shipper.name);
    await drain();
    const [toShipper] = mailsTo("orders@warehouse.test");
    expect(toShipper?.subject).toMatch(/^New order #\d+/);
    const attachment = toShipper!.attachments[0]!;
    expect(attachment.filename).toMatch(/^order-\d+-ship\.csv$/);
    const csv = attachment.content.toString("utf8");
    expect(csv.split("\r\n")[0]).toContain("order_id,order_number,shop_order_id");
    expect(csv).toContain(id);
    expect((await orderRow(t.db, id)).status).toBe("packed");
  });

  it("the manual shipper accepts at once and its accepted shipments download as CSV and XLSX", async () => {
    const { shipper } = await createShipper(t.db, { code: "manual-wh", name: "Manual Warehouse", adapter: "manual", priority: 5, countries: ["CZ"] }, TEST_ENCRYPTION_KEY);
    const id = await paidOrder({ country: "CZ" });
    await requestDispatch(t.db, manager(), id);
    await drain();
    expect((await orderRow(t.db, id)).status).toBe("packed");
    const csv = await manualManifest(t.db, shipper.id, "csv");
    expect(csv.count).toBe(1);
    expect(Buffer.from(csv.base64, "base64").toString("utf8")).toContain(id);
    const xlsx = await manualManifest(t.db, shipper.id, "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, "base64") as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(1).text).toBe(id);
  });
});

async function packedOrder(email: string) {
  const id = await paidOrder({ email });
  await requestDispatch(t.db, manager(), id);
  await drain();
  expect((await orderRow(t.db, id)).status).toBe("packed");
  smtp.received = [];
  return id;
}

describe("tracking numbers", () => {
  it("typed in by a manager: Shipped, and the customer's e-mail has the number, the carrier and its link", async () => {
    const id = await packedOrder("typed@example.com");
    const result = await addTrackingNumber(t.db, manager(), id, { trackingNumber: "JJD0001234567" });
    expect(result.status).toBe("shipped");
    await drain();
    const row = await orderRow(t.db, id);
    expect(row).toMatchObject({ status: "shipped", trackingNumber: "JJD0001234567" });
    expect((await shipmentsOf(t.db, id))[0]).toMatchObject({ status: "shipped", carrier: "DHL", trackingUrl: "https://www.dhl.com/track?id=JJD0001234567" });
    const [mail] = mailsTo("typed@example.com");
    expect(mail?.subject).toMatch(/on its way/);
    expect(mail?.text).toContain("JJD0001234567");
    expect(mail?.text).toContain("DHL");
    expect(String(mail?.html)).toContain("https://www.dhl.com/track?id=JJD0001234567");
    // The same number again changes nothing; a different one is a logged correction without a second e-mail.
    expect((await addTrackingNumber(t.db, manager(), id, { trackingNumber: "JJD0001234567" })).status).toBeNull();
    expect((await addTrackingNumber(t.db, manager(), id, { trackingNumber: "JJD0009999999" })).status).toBeNull();
    await drain();
    expect(mailsTo("typed@example.com")).toHaveLength(1);
    expect((await eventsOf(t.db, id)).some((e) => e.message === "Tracking number corrected: JJD0001234567 → JJD0009999999")).toBe(true);
    expect((await domainError(addTrackingNumber(t.db, manager(), id, { trackingNumber: "x!" }), "BAD_INPUT")).field).toBe("trackingNumber");
  });

  it("imported in bulk from the shipper's CSV and XLSX: each row on its own, with its e-mail", async () => {
    const a = await packedOrder("import.a@example.com");
    const b = await packedOrder("import.b@example.com");
    const c = await packedOrder("import.c@example.com");
    const [rowA, rowB, rowC] = [await orderRow(t.db, a), await orderRow(t.db, b), await orderRow(t.db, c)];
    const csv = `order_number;tracking_number;carrier\r\n#${rowA.number};LX111111111DE;Deutsche Post\r\n${rowB.shopOrderId};LX222222222DE;\r\n999999999;LX333;\r\n`;
    const report = await importTrackingFile(t.db, manager(), { filename: "tracking.csv", content: Buffer.from(csv) });
    expect(report.applied).toBe(2);
    expect(report.results[2]).toMatchObject({ line: 4, ok: false });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("T");
    sheet.addRow(["order_id", "tracking_number"]);
    sheet.addRow([rowC.id, "LX444444444DE"]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect((await importTrackingFile(t.db, manager(), { filename: "tracking.xlsx", content: xlsx })).applied).toBe(1);
    await drain();
    expect((await orderRow(t.db, a)).status).toBe("shipped");
    expect((await orderRow(t.db, b)).trackingNumber).toBe("LX222222222DE");
    expect((await orderRow(t.db, c)).trackingNumber).toBe("LX444444444DE");
    expect(mailsTo("import.a@example.com")[0]?.text).toContain("Deutsche Post");
    for (const email of ["import.a@example.com", "import.b@example.com", "import.c@example.com"]) expect(mailsTo(email)).toHaveLength(1);
    expect((await domainError(importTrackingFile(t.db, manager(), { filename: "x.csv", content: Buffer.from("a,b\n1,2\n") }), "BAD_INPUT")).message).toMatch(/order column/);
  });

  it("pushed by the shipper to POST /api/shippers/<id>/tracking, signed; bad input is a 4xx naming the field", async () => {
    const id = await packedOrder("push@example.com");
    const good = { events: [{ order_id: id, type: "shipped", tracking_number: "00340434161234567890" }] };
    const ok = await handleShipperTracking(trackingPush(http.id, httpSecret, good), http.id, deps());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, results: [{ order_id: id, ok: true, status: "shipped" }] });
    await drain();
    expect((await orderRow(t.db, id)).status).toBe("shipped");
    expect((await eventsOf(t.db, id)).find((e) => e.toStatus === "shipped")).toMatchObject({ actorType: "shipper", actorName: "EU Warehouse" });
    expect(mailsTo("push@example.com")[0]?.text).toContain("00340434161234567890");
    // By code too; a repeat is idempotent.
    const again = await handleShipperTracking(trackingPush("eu-warehouse", httpSecret, good), "eu-warehouse", deps());
    expect(await again.json()).toEqual({ ok: true, results: [{ order_id: id, ok: true, status: null }] });

    expect((await handleShipperTracking(trackingPush(http.id, "wrong-secret", good), http.id, deps())).status).toBe(401);
    expect((await handleShipperTracking(trackingPush(http.id, null, good), http.id, deps())).status).toBe(401);
    expect((await handleShipperTracking(trackingPush("nobody", httpSecret, good), "nobody", deps())).status).toBe(404);
    const bad = await handleShipperTracking(trackingPush(http.id, httpSecret, { events: [{ order_id: id, type: "shipped" }] }), http.id, deps());
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ field: "events[0].tracking_number" });
    const badType = await handleShipperTracking(trackingPush(http.id, httpSecret, { events: [{ order_id: "nope", type: "lost" }] }), http.id, deps());
    expect(((await badType.json()) as { field: string }).field).toBe("events[0].order_id");
    const notJson = await handleShipperTracking(trackingPush(http.id, httpSecret, null, { raw: "{oops" }), http.id, deps());
    expect(notJson.status).toBe(400);
    // Another shipper's order: refused per event.
    const { shipper: other, secret: otherSecret } = await createShipper(t.db, { code: "other-wh", name: "Other", adapter: "manual", isEnabled: false }, TEST_ENCRYPTION_KEY);
    const foreign = await handleShipperTracking(trackingPush(other.code, otherSecret, good), other.code, deps());
    expect(await foreign.json()).toMatchObject({ ok: false, results: [{ order_id: id, ok: false, error: expect.stringContaining("No shipment") }] });
  });

  it("a dispatch signed with the wrong secret is refused by the shipper (401) and logged as a refusal", async () => {
    const { shipper: wrong } = await createShipper(
      t.db,
      { code: "wrong-secret", name: "Wrong Secret", adapter: "http_json", isEnabled: true, priority: 9999, countries: ["ZZ"], settings: { url: sandbox.url } },
      TEST_ENCRYPTION_KEY,
    );
    const id = await paidOrder();
    const before = sandbox.unauthorized;
    await requestDispatch(t.db, manager(), id, { shipperId: wrong.id });
    await drain();
    expect(sandbox.unauthorized).toBe(before + 1);
    expect((await shipmentsOf(t.db, id))[0]).toMatchObject({ status: "refused", lastError: expect.stringContaining("HTTP 401") });
    expect((await orderRow(t.db, id)).status).toBe("approved");
  });
});

describe("reship and delivery", () => {
  it("reship: a new shipment with its own tracking number → Reshipped, with the new number in the e-mail", async () => {
    const id = await packedOrder("reship@example.com");
    await addTrackingNumber(t.db, manager(), id, { trackingNumber: "FIRST0000001" });
    await drain();
    smtp.received = [];
    await requestDispatch(t.db, manager(), id, { kind: "reship" });
    await drain();
    expect(sandbox.received.at(-1)?.order.kind).toBe("reship");
    expect((await orderRow(t.db, id)).status).toBe("shipped");
    await addTrackingNumber(t.db, manager(), id, { trackingNumber: "SECOND000002" });
    await drain();
    const row = await orderRow(t.db, id);
    expect(row).toMatchObject({ status: "reshipped", trackingNumber: "SECOND000002" });
    expect((await shipmentsOf(t.db, id)).map((s) => [s.kind, s.status, s.trackingNumber])).toEqual([
      ["ship", "shipped", "FIRST0000001"],
      ["reship", "shipped", "SECOND000002"],
    ]);
    const [mail] = mailsTo("reship@example.com");
    expect(mail?.subject).toMatch(/sent your order .* again/);
    expect(mail?.text).toContain("SECOND000002");
    expect(mail?.text).not.toContain("FIRST0000001");
  });

  it("delivered by a manager, by the shipper's callback, and by the tracking-status simulator, each with its e-mail", async () => {
    const byManager = await packedOrder("d1@example.com");
    const byShipper = await packedOrder("d2@example.com");
    const byTracker = await packedOrder("d3@example.com");
    await addTrackingNumber(t.db, manager(), byManager, { trackingNumber: "DLV000000001" });
    await addTrackingNumber(t.db, manager(), byShipper, { trackingNumber: "DLV000000002" });
    await addTrackingNumber(t.db, manager(), byTracker, { trackingNumber: "DLV000000003" });
    await drain();
    smtp.received = [];

    await markDelivered(t.db, manager(), byManager);
    const pushed = await handleShipperTracking(trackingPush(http.id, httpSecret, { events: [{ order_id: byShipper, type: "delivered" }] }), http.id, deps());
    expect(await pushed.json()).toMatchObject({ ok: true, results: [{ status: "delivered" }] });
    const tracker = trackingSimulator(new Map([["DLV000000003", "delivered"]]));
    const polled = await pollDeliveries(t.db, tracker);
    expect(polled.delivered).toEqual([byTracker]);
    await drain();
    for (const [id, email] of [[byManager, "d1@example.com"], [byShipper, "d2@example.com"], [byTracker, "d3@example.com"]] as const) {
      expect((await orderRow(t.db, id)).status).toBe("delivered");
      expect((await shipmentsOf(t.db, id))[0]?.status).toBe("delivered");
      expect(mailsTo(email).map((m) => m.subject)).toEqual([expect.stringContaining("delivered")]);
    }
    expect((await eventsOf(t.db, byTracker)).find((e) => e.toStatus === "delivered")).toMatchObject({ actorType: "system", actorName: "Tracking (simulator)" });
    const undelivered = await t.db.select().from(shipments).where(eq(shipments.status, "shipped"));
    expect(undelivered.every((s) => s.trackingNumber !== "DLV000000003")).toBe(true);
  });
});

describe("tRPC: fulfilment procedures", () => {
  it("admins manage shippers (secret once, never listed); managers send; the call center may not", async () => {
    const adminSession = await sessionFor(t.db, admin.id);
    const created = await callerFor(t.db, adminSession).fulfilment.createShipper({ code: "trpc-wh", name: "tRPC WH", adapter: "manual" });
    expect(created.secret).toMatch(/^shsec_/);
    const listed = await callerFor(t.db, adminSession).fulfilment.listShippers();
    expect(JSON.stringify(listed)).not.toContain("secretSealed");
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(await outcomeOf(callerFor(t.db, adminSession).fulfilment.createShipper({ code: "bad", name: "X", adapter: "http_json" }))).toBe("BAD_REQUEST");

    const operator = await makeUser(t.db, { role: "call_center" });
    const mgr = await makeUser(t.db, { role: "manager" });
    const id = await paidOrder();
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, operator.id)).fulfilment.sendToShipper({ orderId: id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(callerFor(t.db, await sessionFor(t.db, mgr.id)).fulfilment.listShippers())).toBe("FORBIDDEN");
    // The old "packed" status button now queues a dispatch instead of setting the status.
    const viaStatus = await callerFor(t.db, adminSession).orders.changeStatus({ orderId: id, status: "packed" });
    expect(viaStatus).toMatchObject({ queued: true });
    expect((await orderRow(t.db, id)).status).toBe("approved");
    await drain();
    expect((await orderRow(t.db, id)).status).toBe("packed");
  });
});
