import { generate } from "otplib";

/**
 * A well-formed 6-digit code that is none of the codes valid for `secret` anywhere near now, so
 * a "wrong code" test cannot pass or fail by a one-in-a-million coincidence.
 */
export async function wrongTotpCode(secret: string, nowMs = Date.now()): Promise<string> {
  const epoch = Math.floor(nowMs / 1000);
  const near = new Set<string>();
  for (let step = -3; step <= 3; step++) near.add(await generate({ secret, epoch: epoch + step * 30 }));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, "0");
    if (!near.has(candidate)) return candidate;
  }
}
