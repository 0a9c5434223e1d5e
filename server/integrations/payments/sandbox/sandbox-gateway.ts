import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signedHeaders } from "../signature";
import { SANDBOX_CARDS } from "./test-cards";

/**
 * A small payment gateway for tests and the demo (node:http, loopback). It behaves like a real
 * one: API-key auth per merchant account, test cards that approve, decline soft or hard, fail
 * or go pending, payment links for PayPal / crypto / eCheck, refunds, and signed asynchronous
 * callbacks (docs/api/callbacks.md) to the `notify_url` given with each payment.
 *
 * API (JSON, `Authorization: Bearer <api key>`):
 *   POST /v1/payments                {amount, currency, method, reference, initiator, card?, notify_url?}
 *   GET  /v1/payments/:id
 *   POST /v1/payments/:id/refunds    {amount}
 * Controls (no auth; what a customer or a bank would do):
 *   GET  /pay/:id                    the payment link's page;  POST /pay/:id pays it
 *   POST /sandbox/payments/:id/complete   {result: "approved" | "declined"}
 *   POST /sandbox/payments/:id/chargeback
 */
export interface SandboxAccount {
  apiKey: string;
  webhookSecret: string;
}

export interface SandboxPayment {
  id: string;
  account: string;
  status: "approved" | "pending" | "declined" | "refunded" | "chargeback";
  amount: number;
  currency: string;
  method: string;
  reference: string;
  initiator: string;
  /** Whether a CVV came with the charge (the value itself is never kept). */
  cvvPresent: boolean;
  responseCode: string;
  message: string;
  arn: string | null;
  paymentUrl: string | null;
  notifyUrl: string | null;
  /** What happens when a pending payment completes by itself. */
  pendingResult: "approved" | "declined";
}

export interface SandboxDelivery {
  url: string;
  headers: Record<string, string>;
  body: string;
  status: number | null;
  error: string | null;
}

export interface SandboxGatewayOptions {
  accounts: SandboxAccount[];
  host?: string;
  port?: number;
  /** A pending card completes by itself after this delay; null: only when asked (/sandbox/.../complete). */
  pendingDelayMs?: number | null;
  /** Extra tries for a callback answered with non-2xx or not at all. */
  callbackRetries?: number;
}

export interface SandboxGateway {
  url: string;
  payments: Map<string, SandboxPayment>;
  deliveries: SandboxDelivery[];
  /** Charges seen, in order, without card numbers: (account, reference, outcome). */
  charges: Array<{ account: string; reference: string; status: string; responseCode: string; cvvPresent: boolean; initiator: string }>;
  /** Resolves when every callback sent so far has been answered (or given up). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const RESPONSES: Record<string, string> = {
  "00": "Approved",
  "05": "Do not honor",
  "14": "Invalid card number",
  "51": "Insufficient funds",
  "54": "Expired card",
  "59": "Suspected fraud",
  N7: "CVV required for a customer-initiated payment",
  "96": "System malfunction",
};

const LINK_METHODS = new Set(["paypal", "crypto", "echeck"]);

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString("base64url")}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = type === "application/json" ? JSON.stringify(body) : String(body);
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const view = (p: SandboxPayment) => ({
  id: p.id,
  status: p.status,
  amount: p.amount,
  currency: p.currency,
  method: p.method,
  reference: p.reference,
  response_code: p.responseCode,
  message: p.message,
  arn: p.arn,
  payment_url: p.paymentUrl,
});

export async function startSandboxGateway(options: SandboxGatewayOptions): Promise<SandboxGateway> {
  const accounts = new Map(options.accounts.map((a) => [a.apiKey, a]));
  const payments = new Map<string, SandboxPayment>();
  const deliveries: SandboxDelivery[] = [];
  const charges: SandboxGateway["charges"] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  /** Order references soft-declined, by the accounts that declined them. */
  const softDeclined = new Map<string, Set<string>>();
  const pendingDelayMs = options.pendingDelayMs === undefined ? 1500 : options.pendingDelayMs;
  const retries = options.callbackRetries ?? 2;
  let baseUrl = "";

  const notify = (payment: SandboxPayment, type: string, extra: Record<string, unknown> = {}) => {
    if (!payment.notifyUrl) return;
    const account = accounts.get(payment.account);
    if (!account) return;
    const body = JSON.stringify({
      id: newId("evt"),
      type,
      created: Math.floor(Date.now() / 1000),
      data: { ...view(payment), ...extra },
    });
    const url = payment.notifyUrl;
    const deliver = async () => {
      for (let attempt = 0; attempt <= retries; attempt++) {
        const headers = { "content-type": "application/json", ...signedHeaders(account.webhookSecret, body) };
        const delivery: SandboxDelivery = { url, headers, body, status: null, error: null };
        deliveries.push(delivery);
        try {
          const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
          delivery.status = response.status;
          await response.arrayBuffer();
          if (response.ok) return;
        } catch (error) {
          delivery.error = error instanceof Error ? error.message : String(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
      }
    };
    const running = deliver().finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  const complete = (payment: SandboxPayment, result: "approved" | "declined") => {
    if (payment.status !== "pending") return false;
    payment.status = result;
    payment.responseCode = result === "approved" ? "00" : "05";
    payment.message = RESPONSES[payment.responseCode]!;
    if (result === "approved") payment.arn = `74${randomBytes(11).toString("hex").slice(0, 21)}`;
    notify(payment, result === "approved" ? "payment.approved" : "payment.declined");
    return true;
  };

  const charge = (account: SandboxAccount, input: Record<string, unknown>): { status: number; payment?: SandboxPayment; error?: string } => {
    const amount = Number(input.amount);
    const currency = String(input.currency ?? "");
    const method = String(input.method ?? "credit_card");
    const reference = String(input.reference ?? "");
    const initiator = input.initiator === "merchant" ? "merchant" : "customer";
    if (!Number.isInteger(amount) || amount <= 0 || !/^[A-Z]{3}$/.test(currency) || !reference) return { status: 400, error: "amount, currency and reference are required" };
    const card = (input.card ?? null) as { number?: string; cvc?: string } | null;
    const payment: SandboxPayment = {
      id: newId("pay"),
      account: account.apiKey,
      status: "approved",
      amount,
      currency,
      method,
      reference,
      initiator,
      cvvPresent: Boolean(card?.cvc),
      responseCode: "00",
      message: RESPONSES["00"]!,
      arn: null,
      paymentUrl: null,
      notifyUrl: typeof input.notify_url === "string" ? input.notify_url : null,
      pendingResult: "approved",
    };
    const decline = (code: string) => Object.assign(payment, { status: "declined" as const, responseCode: code, message: RESPONSES[code] ?? "Declined" });
    if (LINK_METHODS.has(method)) {
      Object.assign(payment, { status: "pending", responseCode: "P1", message: "Awaiting the customer's payment", paymentUrl: `${baseUrl}/pay/${payment.id}` });
    } else {
      const pan = String(card?.number ?? "");
      if (!/^\d{12,19}$/.test(pan)) decline("14");
      else if (pan === SANDBOX_CARDS.technical) return { status: 500, error: "96 System malfunction" };
      else if (initiator === "customer" && !card?.cvc) decline("N7");
      else if (pan === SANDBOX_CARDS.insufficientFunds) decline("51");
      else if (pan === SANDBOX_CARDS.expired) decline("54");
      else if (pan === SANDBOX_CARDS.fraud) decline("59");
      else if (pan === SANDBOX_CARDS.softDecline) {
        const declinedBy = softDeclined.get(reference) ?? new Set<string>();
        const otherAccountDeclined = [...declinedBy].some((a) => a !== account.apiKey);
        if (!otherAccountDeclined) {
          declinedBy.add(account.apiKey);
          softDeclined.set(reference, declinedBy);
          decline("05");
        }
      } else if (pan === SANDBOX_CARDS.pending || pan === SANDBOX_CARDS.pendingDecline) {
        Object.assign(payment, { status: "pending", responseCode: "P2", message: "Authentication pending" });
        payment.pendingResult = pan === SANDBOX_CARDS.pending ? "approved" : "declined";
      }
    }
    if (payment.status === "approved") payment.arn = `74${randomBytes(11).toString("hex").slice(0, 21)}`;
    payments.set(payment.id, payment);
    charges.push({ account: account.apiKey, reference, status: payment.status, responseCode: payment.responseCode, cvvPresent: payment.cvvPresent, initiator });
    if (payment.status === "pending" && !payment.paymentUrl && pendingDelayMs !== null) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        complete(payment, payment.pendingResult);
      }, pendingDelayMs);
      timers.add(timer);
    }
    return { status: 200, payment };
  };

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const parts = url.pathname.split("/").filter(Boolean);
    const raw = req.method === "POST" ? await readBody(req) : "";
    let input: Record<string, unknown> = {};
    if (raw) {
      try {
        input = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        if (!raw.includes("=")) return send(res, 400, { error: "body must be JSON" });
      }
    }

    // Customer and bank actions (no API key).
    if (parts[0] === "pay" && parts[1]) {
      const payment = payments.get(parts[1]);
      if (!payment) return send(res, 404, "Unknown payment link", "text/plain");
      if (req.method === "GET") {
        const amount = `${(payment.amount / 100).toFixed(2)} ${payment.currency}`;
        return send(res, 200, `<!doctype html><title>Sandbox payment</title><h1>Pay ${amount} (${payment.method})</h1><p>Status: ${payment.status}</p><form method="post"><button>Pay</button></form>`, "text/html");
      }
      complete(payment, "approved");
      return send(res, 200, view(payment));
    }
    if (parts[0] === "sandbox" && parts[1] === "payments" && parts[2] && req.method === "POST") {
      const payment = payments.get(parts[2]);
      if (!payment) return send(res, 404, { error: "unknown payment" });
      if (parts[3] === "complete") {
        const result = input.result === "declined" ? "declined" : "approved";
        if (!complete(payment, result)) return send(res, 409, { error: `payment is ${payment.status}` });
        return send(res, 200, view(payment));
      }
      if (parts[3] === "chargeback") {
        if (payment.status !== "approved") return send(res, 409, { error: `payment is ${payment.status}` });
        payment.status = "chargeback";
        notify(payment, "payment.chargeback", { reason_code: "10.4", reason: "Fraud - card absent environment" });
        return send(res, 200, view(payment));
      }
    }

    // The merchant API.
    const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const account = key ? accounts.get(key) : undefined;
    if (parts[0] !== "v1") return send(res, 404, { error: "not found" });
    if (!account) return send(res, 401, { error: "invalid API key" });
    if (parts[1] === "payments" && parts.length === 2 && req.method === "POST") {
      const result = charge(account, input);
      if (!result.payment) return send(res, result.status, { error: result.error });
      return send(res, 200, view(result.payment));
    }
    const payment = parts[2] ? payments.get(parts[2]) : undefined;
    if (parts[1] === "payments" && parts[2] && (!payment || payment.account !== account.apiKey)) return send(res, 404, { error: "unknown payment" });
    if (payment && parts.length === 3 && req.method === "GET") return send(res, 200, view(payment));
    if (payment && parts[3] === "refunds" && req.method === "POST") {
      if (payment.status !== "approved") return send(res, 409, { error: `payment is ${payment.status}`, response_code: "R1" });
      const amount = Number(input.amount ?? payment.amount);
      if (!Number.isInteger(amount) || amount <= 0 || amount > payment.amount) return send(res, 400, { error: "bad refund amount", response_code: "R2" });
      payment.status = "refunded";
      return send(res, 200, { id: newId("re"), status: "refunded", amount, payment_id: payment.id });
    }
    return send(res, 404, { error: "not found" });
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => send(res, 500, { error: error instanceof Error ? error.message : "error" }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve()));
  const address = server.address() as AddressInfo;
  baseUrl = `http://${options.host ?? "127.0.0.1"}:${address.port}`;

  return {
    url: baseUrl,
    payments,
    deliveries,
    charges,
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
