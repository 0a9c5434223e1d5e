"use client";

export interface TooltipRow {
  name: string;
  value: string;
  color: string;
}

/** The tooltip box of every dashboard chart, in the card's colours (light and dark). */
export function ChartTooltipBox({ title, rows }: { title: string; rows: TooltipRow[] }) {
  return (
    <div className="bg-popover text-popover-foreground min-w-40 rounded-md border px-3 py-2 text-xs shadow-md">
      <div className="mb-1.5 font-medium">{title}</div>
      <div className="grid gap-1">
        {rows.map((row) => (
          <div key={row.name} className="flex items-center justify-between gap-4">
            <span className="text-muted-foreground flex items-center gap-1.5">
              <span className="size-2.5 rounded-[2px]" style={{ background: row.color }} />
              {row.name}
            </span>
            <span className="font-mono font-medium tabular-nums">{row.value}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

/** Axis and grid styling shared by the charts. */
export const AXIS_TICK = { fill: "var(--muted-foreground)", fontSize: 11 } as const;
export const GRID_STROKE = "var(--border)";

export const SERIES_COLORS = {
  primary: "var(--chart-1)",
  success: "var(--chart-2)",
  danger: "var(--chart-3)",
  warning: "var(--chart-4)",
  info: "var(--chart-5)",
} as const;
