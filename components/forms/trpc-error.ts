import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";

export interface FormError {
  message: string;
  field: string | null;
}

/** The message and the field at fault from a failed mutation, for showing beside the input. */
export function formErrorOf(error: unknown): FormError {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<AppRouter>).data;
    const zodFields = data?.zodError?.fieldErrors as Record<string, string[] | undefined> | undefined;
    const firstZodField = zodFields ? Object.keys(zodFields).find((k) => zodFields[k]?.length) : undefined;
    if (firstZodField) return { message: zodFields?.[firstZodField]?.[0] ?? error.message, field: firstZodField };
    return { message: error.message, field: data?.field ?? null };
  }
  return { message: error instanceof Error ? error.message : String(error), field: null };
}
