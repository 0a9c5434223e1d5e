"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const NOBODY = "none";

/** Heads, directors and admins: the default manager of each region (new companies of the region go to him). */
export function RegionManagersCard() {
  const t = useTranslations("workplace");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.workplace.regionManagers.queryOptions({}));
  const options = useQuery(trpc.companies.formOptions.queryOptions());
  const save = useMutation(
    trpc.workplace.setRegionManager.mutationOptions({
      onSuccess: async () => {
        toast.success(t("saved"));
        await queryClient.invalidateQueries({ queryKey: trpc.workplace.regionManagers.queryKey({}) });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const managers = options.data?.managers ?? [];
  return (
    <Card className="mb-6">
      <CardHeader className="border-b">
        <CardTitle>{t("regionsTitle")}</CardTitle>
        <CardDescription>{t("regionsHint")}</CardDescription>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="region-managers">
            <TableHeader>
              <TableRow>
                <TableHead>{t("region")}</TableHead>
                <TableHead>{t("regionManager")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data?.map((r) => (
                <TableRow key={r.regionId}>
                  <TableCell className="font-medium">{r.regionName}</TableCell>
                  <TableCell>
                    <Select value={r.managerId ?? NOBODY} onValueChange={(v) => save.mutate({ regionId: r.regionId, managerId: v === NOBODY ? null : v })}>
                      <SelectTrigger className="w-64">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={NOBODY}>{t("nobody")}</SelectItem>
                        {r.managerId && !managers.some((m) => m.id === r.managerId) && <SelectItem value={r.managerId}>{r.managerName}</SelectItem>}
                        {managers.map((m) => (
                          <SelectItem key={m.id} value={m.id}>
                            {m.name}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
