import * as React from "react";
import { ChevronLeftIcon, ChevronRightIcon, MoreHorizontalIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type PaginationBarLabels = {
  previous: string;
  next: string;
  /** Pre-formatted summary text, e.g. "Showing 1–20 of 135". */
  summary: string;
};

export type PaginationBarProps = {
  /** 1-based current page. */
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  labels: PaginationBarLabels;
  className?: string;
};

type PageItem = { kind: "page"; page: number } | { kind: "ellipsis"; key: string };

/**
 * Returns the list of page buttons to render: always the first and last page,
 * the current page with one neighbour on each side, and ellipses for gaps.
 */
function getPageItems(current: number, pageCount: number): PageItem[] {
  if (pageCount <= 7) {
    return Array.from({ length: pageCount }, (_, i) => ({ kind: "page", page: i + 1 }));
  }

  let start = Math.max(2, current - 1);
  let end = Math.min(pageCount - 1, current + 1);
  // Keep the number of buttons stable near the edges.
  if (current <= 3) {
    start = 2;
    end = 4;
  } else if (current >= pageCount - 2) {
    start = pageCount - 3;
    end = pageCount - 1;
  }
  // An ellipsis that would hide a single page is replaced by that page.
  if (start === 3) start = 2;
  if (end === pageCount - 2) end = pageCount - 1;

  const items: PageItem[] = [{ kind: "page", page: 1 }];
  if (start > 2) items.push({ kind: "ellipsis", key: "start" });
  for (let p = start; p <= end; p++) items.push({ kind: "page", page: p });
  if (end < pageCount - 1) items.push({ kind: "ellipsis", key: "end" });
  items.push({ kind: "page", page: pageCount });
  return items;
}

function PaginationBar({
  page,
  pageSize,
  total,
  onPageChange,
  labels,
  className,
}: PaginationBarProps) {
  const pageCount = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const current = Math.min(Math.max(1, page), pageCount);
  const items = getPageItems(current, pageCount);

  return (
    <div
      data-slot="pagination-bar"
      className={cn(
        "flex flex-col items-center justify-between gap-3 text-sm sm:flex-row",
        className,
      )}
    >
      <p data-slot="pagination-summary" className="text-muted-foreground">
        {labels.summary}
      </p>
      <nav aria-label="pagination" className="flex items-center gap-1">
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={current <= 1}
          onClick={() => onPageChange(current - 1)}
          aria-label={labels.previous}
        >
          <ChevronLeftIcon />
          <span className="hidden sm:inline">{labels.previous}</span>
        </Button>
        {items.map((item) =>
          item.kind === "ellipsis" ? (
            <span
              key={`ellipsis-${item.key}`}
              aria-hidden
              className="flex size-8 items-center justify-center text-muted-foreground"
            >
              <MoreHorizontalIcon className="size-4" />
            </span>
          ) : (
            <Button
              key={item.page}
              type="button"
              size="sm"
              variant={item.page === current ? "default" : "ghost"}
              className="min-w-8 px-2"
              aria-current={item.page === current ? "page" : undefined}
              onClick={() => {
                if (item.page !== current) onPageChange(item.page);
              }}
            >
              {item.page}
            </Button>
          ),
        )}
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={current >= pageCount}
          onClick={() => onPageChange(current + 1)}
          aria-label={labels.next}
        >
          <span className="hidden sm:inline">{labels.next}</span>
          <ChevronRightIcon />
        </Button>
      </nav>
    </div>
  );
}

export { PaginationBar, getPageItems };
