import { startSandboxShipper, type SandboxShipperMode } from "./sandbox-shipper";

/**
 * Runs the sandbox shipper on its own for the demo:
 *   SANDBOX_SHIPPER_SECRET=<the shipper's secret> npx tsx server/integrations/shippers/sandbox/main.ts
 * Give the "EU Fulfilment" demo shipper a new secret on the Shippers page, start this with it,
 * and enable the shipper. Listens on SANDBOX_SHIPPER_PORT (4020), loopback only;
 * SANDBOX_SHIPPER_MODE = accept (default) | refuse | unavailable.
 */
async function main() {
  const secret = process.env.SANDBOX_SHIPPER_SECRET;
  if (!secret) throw new Error("Set SANDBOX_SHIPPER_SECRET to the shipper's secret");
  const mode = (process.env.SANDBOX_SHIPPER_MODE ?? "accept") as SandboxShipperMode;
  const shipper = await startSandboxShipper({ secret, mode, port: Number(process.env.SANDBOX_SHIPPER_PORT ?? 4020) });
  console.log(`[sandbox] shipper at ${shipper.url} (${mode})`);
  const stop = () => void shipper.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
