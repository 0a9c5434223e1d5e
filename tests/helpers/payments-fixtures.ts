import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import { paymentChargeHandler, PAYMENT_CHARGE_TOPIC } from "@/server/domain/payments/charge-job";
import { createProcessor, type ProcessorInput } from "@/server/domain/payments/processors";
import { handleProcessorCallback } from "@/server/http/callbacks";
import { startSandboxGateway, type SandboxGateway } from "@/server/integrations/payments/sandbox/sandbox-gateway";
import { runDueJobs } from "@/server/jobs/worker";
import { TEST_ENCRYPTION_KEY } from "./fixtures";

/** The app's callback route on a real loopback HTTP server: node:http → Request → the route's handler. */
export async function startCallbackServer(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(key, value);
        else if (Array.isArray(value)) headers.set(key, value.join(", "));
      }
      const match = /^\/api\/callbacks\/([^/]+)$/.exec(url.pathname);
      const response =
        match && req.method === "POST"
          ? await handleProcessorCallback(new Request(url, { method: "POST", headers, body: Buffer.concat(chunks) }), decodeURIComponent(match[1]!), { db, encryptionKey: TEST_ENCRYPTION_KEY })
          : new Response("not found", { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const ACCOUNTS = {
  alpha: { apiKey: "sk_test_alpha_0001", webhookSecret: "whsec_alpha_0001" },
  beta: { apiKey: "sk_test_beta_0002", webhookSecret: "whsec_beta_0002" },
} as const;

export interface PaymentsWorld {
  gateway: SandboxGateway;
  app: { url: string; close(): Promise<void> };
  alpha: { id: string; code: string };
  beta: { id: string; code: string };
  close(): Promise<void>;
}

/** A sandbox gateway with two merchant accounts, the app's callback server, and two processors on them (alpha first). */
export async function startPaymentsWorld(db: Db, overrides: { alpha?: Partial<ProcessorInput>; beta?: Partial<ProcessorInput> } = {}): Promise<PaymentsWorld> {
  const gateway = await startSandboxGateway({ accounts: Object.values(ACCOUNTS), pendingDelayMs: null });
  const app = await startCallbackServer(db);
  const make = (code: "alpha" | "beta", priority: number, fee: { bp: number; fixed: number }, extra: Partial<ProcessorInput> = {}) =>
    createProcessor(
      db,
      {
        code,
        name: `Sandbox ${code}`,
        adapter: "sandbox",
        methods: ["credit_card", "paypal", "crypto", "echeck"],
        priority,
        feeBasisPoints: fee.bp,
        feeFixedMinor: fee.fixed,
        settings: { baseUrl: gateway.url, callbackUrl: `${app.url}/api/callbacks/${code}` },
        credentials: { ...ACCOUNTS[code] },
        ...extra,
      },
      TEST_ENCRYPTION_KEY,
    );
  const alpha = await make("alpha", 10, { bp: 290, fixed: 30 }, overrides.alpha);
  const beta = await make("beta", 20, { bp: 450, fixed: 0 }, overrides.beta);
  return {
    gateway,
    app,
    alpha: { id: alpha.id, code: alpha.code },
    beta: { id: beta.id, code: beta.code },
    close: async () => {
      await gateway.close();
      await app.close();
    },
  };
}

/** Runs the due outbox jobs the way the worker does: the charge for real, e-mails ignored. */
export async function runPaymentJobs(db: Db): Promise<number> {
  return runDueJobs(db, {
    [PAYMENT_CHARGE_TOPIC]: paymentChargeHandler({ encryptionKey: TEST_ENCRYPTION_KEY }),
    "email.order_status": async () => {},
    "email.payment_link": async () => {},
  });
}

export async function orderRow(db: Db, orderId: string) {
  const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!row) throw new Error(`no order ${orderId}`);
  return row;
}

export async function eventsOf(db: Db, orderId: string) {
  return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
}
