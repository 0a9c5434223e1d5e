import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

function ChartSkeleton({ height = "h-80" }: { height?: string }) {
  return (
    <Card className="gap-0 py-0">
      <CardHeader className="border-b py-4">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-3 w-56" />
      </CardHeader>
      <CardContent className={`${height} px-5 py-5`}>
        <Skeleton className="h-full w-full" />
      </CardContent>
    </Card>
  );
}

/** The dashboard's shape while its figures load. */
export function DashboardSkeleton() {
  return (
    <div className="grid gap-6" data-testid="dashboard-loading" aria-busy="true">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Card key={i} className="gap-0 py-5">
            <CardContent className="grid gap-4 px-5">
              <Skeleton className="h-3 w-24" />
              <div className="flex items-end justify-between">
                <Skeleton className="h-7 w-32" />
                <Skeleton className="size-12" />
              </div>
            </CardContent>
          </Card>
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <ChartSkeleton height="h-96" />
        </div>
        <ChartSkeleton height="h-96" />
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <ChartSkeleton />
        </div>
        <ChartSkeleton />
      </div>
    </div>
  );
}
