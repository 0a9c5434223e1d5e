"use client";
import { useQuery } from "@tanstack/react-query";
import { IdCard, Newspaper, Package, Users } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { SupplierStatusBadge } from "./supplier-status-badge";

function Tile({ icon, label, value, href, testId }: { icon: ReactNode; label: string; value: number | string; href?: string; testId: string }) {
  const body = (
    <Card className="h-full transition-shadow hover:shadow-md">
      <CardContent className="flex items-center gap-4 p-5">
        <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-md">{icon}</div>
        <div>
          <div className="text-muted-foreground text-xs font-medium tracking-wide uppercase">{label}</div>
          <div className="text-2xl font-semibold" data-testid={testId}>
            {value}
          </div>
        </div>
      </CardContent>
    </Card>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

/** The cabinet's first screen: whose cabinet this is, its status and the counts that exist today. */
export function SupplierHomeView() {
  const t = useTranslations("suppliers.home");
  const format = useFormatter();
  const trpc = useTRPC();
  const home = useQuery(trpc.suppliers.home.queryOptions());
  if (!home.data) return <Skeleton className="h-64 w-full" />;
  const h = home.data;
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader className="border-b">
          <CardTitle className="flex flex-wrap items-center gap-3">
            <span data-testid="supplier-home-name">{h.name}</span>
            <SupplierStatusBadge status={h.status} />
          </CardTitle>
        </CardHeader>
        <CardContent className="text-muted-foreground pt-4 text-sm">
          {t("inn")} {h.inn}
          {h.approvedAt && ` · ${t("approvedAt")} ${format.dateTime(h.approvedAt, { dateStyle: "medium" })}`}
          {` · ${h.isOwner ? t("roleOwner") : t("roleMember")}`}
        </CardContent>
      </Card>
      <section className="grid gap-6 sm:grid-cols-2 xl:grid-cols-4">
        <Tile icon={<Package className="size-6" />} label={t("products")} value={h.products} testId="supplier-products-count" />
        <Tile icon={<Newspaper className="size-6" />} label={t("newsPublished")} value={h.newsApproved} href="/supplier/news" testId="supplier-news-published" />
        <Tile icon={<Newspaper className="size-6" />} label={t("newsPending")} value={h.newsPending} href="/supplier/news" testId="supplier-news-pending" />
        <Tile icon={<Users className="size-6" />} label={t("members")} value={h.members} href="/supplier/profile" testId="supplier-members-count" />
      </section>
      <Card>
        <CardHeader className="border-b">
          <CardTitle>{t("nextSteps")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-2 pt-4 text-sm">
          <Link href="/supplier/profile" className="text-primary flex items-center gap-2 hover:underline">
            <IdCard className="size-4" />
            {t("linkProfile")}
          </Link>
          <Link href="/supplier/news" className="text-primary flex items-center gap-2 hover:underline">
            <Newspaper className="size-4" />
            {t("linkNews")}
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
