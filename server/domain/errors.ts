/**
 * Domain code throws these; the edges translate them (tRPC codes, HTTP statuses), so business
 * logic never knows which transport called it.
 */
export type DomainErrorCode =
  | "BAD_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "RATE_LIMITED";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field at fault, when there is one, so forms and API clients can point at it. */
  readonly field?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: DomainErrorCode, message: string, options: { field?: string; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You are not allowed to do this") => new DomainError("FORBIDDEN", message);
export const conflict = (message: string, field?: string) => new DomainError("CONFLICT", message, { field });
export const badInput = (message: string, field?: string) => new DomainError("BAD_INPUT", message, { field });

/** PostgreSQL's unique_violation, as both drivers report it (postgres.js and PGlite put the SQLSTATE in `code`). */
export function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof DomainError && error.code === "NOT_FOUND";
}
