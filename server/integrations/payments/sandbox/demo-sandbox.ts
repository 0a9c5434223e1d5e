import type { Db } from "../../../../db/client";
import { demoSandboxAccounts, ensureDemoSandboxProcessors } from "../../../../db/seed/demo-sandbox";
import { startSandboxGateway, type SandboxGateway } from "./sandbox-gateway";
import { SANDBOX_CARDS } from "./test-cards";

const globalForSandbox = globalThis as unknown as { __t3Sandbox?: Promise<SandboxGateway | null> };

export interface DemoSandboxOptions {
  authSecret: string;
  encryptionKey: Buffer;
  port: number;
  appBaseUrl: string;
  log: (line: string) => void;
}

async function listen(options: DemoSandboxOptions, accounts: ReturnType<typeof demoSandboxAccounts>): Promise<SandboxGateway> {
  const start = (port: number) => startSandboxGateway({ accounts, port, pendingDelayMs: 3000 });
  try {
    return await start(options.port);
  } catch (error) {
    if (options.port === 0 || (error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    options.log(`[sandbox] port ${options.port} is taken; using a free port instead`);
    return start(0);
  }
}

/** The demo's test cards, printed with the demo logins. */
export function sandboxCardsText(): string {
  const cards: Array<[keyof typeof SANDBOX_CARDS, string]> = [
    ["approve", "approved"],
    ["softDecline", "soft decline at Sandbox Card A, approved by Sandbox Card B (cascade)"],
    ["insufficientFunds", "declined: insufficient funds (hard)"],
    ["expired", "declined: expired card (hard)"],
    ["fraud", "declined: suspected fraud"],
    ["technical", "HTTP 500 (technical; counts towards auto-disable)"],
    ["pending", "pending, approved by a signed callback ~3 s later"],
    ["pendingDecline", "pending, declined by a signed callback ~3 s later"],
  ];
  return cards.map(([key, what]) => `  ${SANDBOX_CARDS[key].replace(/(\d{4})(?=\d)/g, "$1 ")}  ${what}`).join("\n");
}

/**
 * Demo mode: the bundled sandbox gateway on loopback inside the app process, and the demo's
 * sandbox processor pair pointed at it. Once per process; null when it could not start (the app
 * runs on, and card orders then fail technically at the pair).
 */
export function startDemoSandbox(db: Db, options: DemoSandboxOptions): Promise<SandboxGateway | null> {
  globalForSandbox.__t3Sandbox ??= (async () => {
    const accounts = demoSandboxAccounts(options.authSecret);
    let gateway: SandboxGateway;
    try {
      gateway = await listen(options, accounts);
    } catch (error) {
      options.log(`[sandbox] the demo payment gateway did not start: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    await ensureDemoSandboxProcessors(db, { authSecret: options.authSecret, encryptionKey: options.encryptionKey, gatewayUrl: gateway.url, appBaseUrl: options.appBaseUrl });
    options.log(
      [
        `[sandbox] Demo payment gateway at ${gateway.url}; USD card orders go to ${accounts.map((a) => a.name).join(", then ")}.`,
        "[sandbox] Test cards (any future expiry, any CVV):",
        sandboxCardsText(),
        `[sandbox] Payment links: POST ${gateway.url}/pay/<payment id> pays one. Accounts (api key : webhook secret) for Settings → Processors:`,
        ...accounts.map((a) => `  ${a.code.padEnd(10)} ${a.apiKey} : ${a.webhookSecret}`),
        "",
      ].join("\n"),
    );
    return gateway;
  })();
  return globalForSandbox.__t3Sandbox;
}
