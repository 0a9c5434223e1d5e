import type { Db } from "@/db/client";
import { handleExchange, type ExchangeDeps } from "@/server/http/exchange-1c";

export const EXCHANGE_LOGIN = "1c-exchange";
export const EXCHANGE_PASSWORD = "exchange-secret-42";
export const FIXTURES = "/work/shared/fixtures/commerceml";

export interface ExchangeAnswer {
  status: number;
  text: string;
  bytes: Buffer;
  headers: Headers;
}

/** Talks to the exchange handler the way 1C does: query-string modes, Basic auth once, then the cookie. */
export class ExchangeClient {
  cookie: string | null = null;
  readonly deps: ExchangeDeps;
  constructor(db: Db, dir: string, fileLimit?: number) {
    this.deps = { db, dir, fileLimit };
  }

  async call(params: Record<string, string>, init: { body?: Uint8Array; headers?: Record<string, string> } = {}): Promise<ExchangeAnswer> {
    const url = `http://test/api/1c/exchange?${new URLSearchParams(params)}`;
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    const request = new Request(url, { method: init.body ? "POST" : "GET", headers, body: init.body ? new Blob([new Uint8Array(init.body)]) : undefined });
    const response = await handleExchange(request, this.deps);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, text: bytes.toString("utf8"), bytes, headers: response.headers };
  }

  async checkauth(type: "catalog" | "sale", login = EXCHANGE_LOGIN, password = EXCHANGE_PASSWORD): Promise<ExchangeAnswer> {
    const answer = await this.call({ type, mode: "checkauth" }, { headers: { authorization: `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}` } });
    const [status, name, value] = answer.text.split("\n");
    if (status === "success" && name && value) this.cookie = `${name}=${value}`;
    return answer;
  }

  /** Uploads a file in chunks of `chunkSize` bytes, as 1C does past file_limit. */
  async upload(type: "catalog" | "sale", filename: string, content: Uint8Array, chunkSize: number): Promise<ExchangeAnswer[]> {
    const answers: ExchangeAnswer[] = [];
    for (let offset = 0; offset < content.length; offset += chunkSize) {
      answers.push(await this.call({ type, mode: "file", filename }, { body: content.subarray(offset, offset + chunkSize) }));
    }
    return answers;
  }

  /** Calls import until the answer is no longer "progress"; returns every answer. */
  async importUntilDone(type: "catalog" | "sale", filename: string, maxCalls = 20): Promise<ExchangeAnswer[]> {
    const answers: ExchangeAnswer[] = [];
    for (let i = 0; i < maxCalls; i++) {
      const answer = await this.call({ type, mode: "import", filename });
      answers.push(answer);
      if (!answer.text.startsWith("progress")) break;
    }
    return answers;
  }
}
