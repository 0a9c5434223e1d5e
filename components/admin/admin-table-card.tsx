import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHeader, TableRow } from "@/components/ui/table";

/**
 * The settings pages' list card: a title (with an optional intro and a primary action), optional
 * filters, and a bordered table that shows a skeleton while loading and a line of text when empty.
 * `head` holds the TableHead cells; `children` the rows; `after` what lives beside the card (dialogs).
 */
export function AdminTableCard({
  title,
  description,
  action,
  toolbar,
  tableTestId,
  head,
  columns,
  loading,
  empty,
  emptyText,
  children,
  after,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  toolbar?: ReactNode;
  tableTestId: string;
  head: ReactNode;
  columns: number;
  loading: boolean;
  empty: boolean;
  emptyText: ReactNode;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-4 border-b">
        <div className="space-y-1.5">
          <CardTitle>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {action}
      </CardHeader>
      <CardContent className="space-y-3 pt-4">
        {toolbar}
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid={tableTestId}>
            <TableHeader className="bg-muted/50">
              <TableRow>{head}</TableRow>
            </TableHeader>
            <TableBody>
              {loading && (
                <TableRow>
                  <TableCell colSpan={columns}>
                    <Skeleton className="h-6 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {empty && (
                <TableRow>
                  <TableCell colSpan={columns} className="text-muted-foreground py-8 text-center">
                    {emptyText}
                  </TableCell>
                </TableRow>
              )}
              {children}
            </TableBody>
          </Table>
        </div>
      </CardContent>
      {after}
    </Card>
  );
}
