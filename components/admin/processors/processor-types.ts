import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** One row of the processors page, as the payments.processorOverview procedure sends it. */
export type ProcessorRow = inferRouterOutputs<AppRouter>["payments"]["processorOverview"][number];
