import { TRPCError } from "@trpc/server";
import { DomainError, type DomainErrorCode } from "@/server/domain/errors";

/** The error a promise rejects with; a promise that resolves fails the test instead. */
export async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value: unknown) => {
      throw new Error(`expected the call to fail, but it resolved with ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export async function domainError(promise: Promise<unknown>, code?: DomainErrorCode): Promise<DomainError> {
  const error = await caught(promise);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  if (code && error.code !== code) throw new Error(`expected DomainError ${code}, got ${error.code}: ${error.message}`);
  return error;
}

export async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await caught(promise);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** The tRPC error code of a call, or "OK" when it succeeds. */
export async function outcomeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error: unknown) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
