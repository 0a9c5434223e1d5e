import { startSandboxGateway } from "./sandbox-gateway";

/**
 * Runs the sandbox gateway on its own for the demo:
 *   SANDBOX_ACCOUNTS="sk_demo_card:whsec_demo_card,sk_demo_pp:whsec_demo_pp" npx tsx server/integrations/payments/sandbox/main.ts
 * Each account is <api key>:<webhook secret>; give a processor the same pair as its credentials
 * ({"apiKey": …, "webhookSecret": …}) and adapter "sandbox". Listens on SANDBOX_PORT (4010), loopback only.
 * (In demo mode the app starts its own gateway instead: demo-sandbox.ts, SANDBOX_GATEWAY.)
 */
async function main() {
  const accounts = (process.env.SANDBOX_ACCOUNTS ?? "sk_demo:whsec_demo")
    .split(",")
    .map((pair) => pair.trim().split(":"))
    .filter((parts): parts is [string, string] => parts.length === 2 && Boolean(parts[0]) && Boolean(parts[1]))
    .map(([apiKey, webhookSecret]) => ({ apiKey, webhookSecret }));
  const gateway = await startSandboxGateway({ accounts, port: Number(process.env.SANDBOX_PORT ?? 4010), pendingDelayMs: 3000 });
  console.log(`[sandbox] payment gateway at ${gateway.url} with ${accounts.length} account(s)`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
