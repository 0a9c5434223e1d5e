import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../../payments/signature";
import type { DispatchRequest } from "../adapter";

/**
 * A fulfilment supplier on loopback for tests and the demo, speaking the HTTP JSON contract of
 * docs/api/shippers.md. `mode` decides its answer to the next dispatches: accept (200
 * `{accepted: true, shipment_id}`), refuse (422 `{accepted: false, message}`) or unavailable
 * (503). A wrong or missing signature is always a 401.
 */
export type SandboxShipperMode = "accept" | "refuse" | "unavailable";

export interface SandboxShipper {
  url: string;
  mode: SandboxShipperMode;
  refuseMessage: string;
  /** Every dispatch received with a valid signature, whatever the answer. */
  received: Array<{ order: DispatchRequest; idempotencyKey: string | null; answeredWith: number }>;
  /** Requests refused for their signature. */
  unauthorized: number;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSandboxShipper(options: { secret: string; mode?: SandboxShipperMode; port?: number; host?: string }): Promise<SandboxShipper> {
  const state: Omit<SandboxShipper, "url" | "close"> = { mode: options.mode ?? "accept", refuseMessage: "Unknown product code", received: [], unauthorized: 0 };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const send = (status: number, json: Record<string, unknown>) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (req.method !== "POST" || !req.url?.startsWith("/orders")) return send(404, { message: "not found" });
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
      const verdict = verifySignature({ secret: options.secret, headers, rawBody: body, now: new Date() });
      if (!verdict.ok) {
        sandbox.unauthorized += 1;
        return send(401, { message: verdict.reason });
      }
      const parsed = JSON.parse(body) as { order: DispatchRequest };
      const status = sandbox.mode === "accept" ? 200 : sandbox.mode === "refuse" ? 422 : 503;
      sandbox.received.push({ order: parsed.order, idempotencyKey: headers.get("idempotency-key"), answeredWith: status });
      if (sandbox.mode === "accept") return send(200, { accepted: true, shipment_id: `SHP-${randomBytes(4).toString("hex").toUpperCase()}` });
      if (sandbox.mode === "refuse") return send(422, { accepted: false, message: sandbox.refuseMessage });
      return send(503, { message: "Warehouse system is down for maintenance" });
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const sandbox: SandboxShipper = {
    ...state,
    url: `http://${options.host ?? "127.0.0.1"}:${port}/orders`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sandbox;
}
