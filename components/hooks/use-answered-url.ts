"use client";
import { useSearchParams } from "next/navigation";

/**
 * The URL query a list's rows answer, or undefined while they are stale (fetching, or the previous
 * filter's rows kept on screen). Put on the table as `data-answers`, it lets a browser test wait
 * for the rows of the URL it sees rather than racing the shallow URL update.
 */
export function useAnsweredUrl(query: { isFetching: boolean; isPlaceholderData: boolean }): string | undefined {
  const params = useSearchParams();
  return query.isFetching || query.isPlaceholderData ? undefined : params.toString();
}
