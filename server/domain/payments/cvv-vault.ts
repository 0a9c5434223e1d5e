/**
 * The CVV may be used for the first charge only and must never be stored: not in the database,
 * not in the outbox, not in logs. Intake leaves it here, in this process's memory, keyed by
 * order id, for a few minutes; the `payment.charge` job takes it. After a restart, in another
 * process (a separate `npm run worker`), or after the TTL, it is gone and the job charges the
 * stored card as merchant-initiated (no CVV) — processors accept that, the sandbox included.
 */
export const CVV_TTL_MS = 10 * 60 * 1000;

interface Entry {
  cvv: string;
  expiresAt: number;
}

const globalForVault = globalThis as unknown as { __t3CvvVault?: Map<string, Entry> };
const vault = (globalForVault.__t3CvvVault ??= new Map<string, Entry>());

function sweep(now: number): void {
  for (const [orderId, entry] of vault) if (entry.expiresAt <= now) vault.delete(orderId);
}

export function rememberCvv(orderId: string, cvv: string, now = Date.now()): void {
  sweep(now);
  vault.set(orderId, { cvv, expiresAt: now + CVV_TTL_MS });
}

/** The CVV if still held, without removing it (a retried job may need it again within the TTL). */
export function peekCvv(orderId: string, now = Date.now()): string | undefined {
  const entry = vault.get(orderId);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    vault.delete(orderId);
    return undefined;
  }
  return entry.cvv;
}

export function forgetCvv(orderId: string): void {
  vault.delete(orderId);
}

export function cvvVaultSize(): number {
  return vault.size;
}
