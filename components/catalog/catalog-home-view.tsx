"use client";
import { useQuery } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ProductSlider } from "./product-slider";

const categoryHref = (slug: string) => `/b2b/catalog?cat=${encodeURIComponent(slug)}`;

/** The buyer's landing: a banner, the key sections with their subsections, and the "New" slider. */
export function CatalogHomeView() {
  const t = useTranslations("catalog.home");
  const format = useFormatter();
  const trpc = useTRPC();
  const home = useQuery(trpc.catalog.home.queryOptions());
  if (!home.data) return <Skeleton className="h-96 w-full" />;
  const products = home.data.sections.reduce((s, c) => s + c.productCount, 0);
  const sections = home.data.sections.reduce((s, c) => s + 1 + c.children.length, 0);
  return (
    <div className="space-y-6">
      <Card className="from-primary/90 to-primary overflow-hidden bg-gradient-to-r text-white">
        <CardContent className="flex flex-wrap items-center justify-between gap-4 py-8">
          <div>
            <h2 className="text-2xl font-semibold">{t("welcome")}</h2>
            <p className="mt-1 text-white/80">{t("welcomeText", { products, sections })}</p>
          </div>
          <Button asChild variant="secondary" size="lg">
            <Link href="/b2b/catalog" data-testid="open-catalog">
              {t("openCatalog")}
              <ArrowRight className="size-4" />
            </Link>
          </Button>
        </CardContent>
      </Card>
      <h2 className="text-lg font-semibold">{t("sections")}</h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="key-sections">
        {home.data.sections.map((s) => (
          <Card key={s.id} className="transition-shadow hover:shadow-md">
            <CardContent className="space-y-3 pt-4">
              <Link href={categoryHref(s.slug)} className="flex items-center gap-3">
                {s.imageUrl && (
                  // eslint-disable-next-line @next/next/no-img-element -- local SVG placeholders
                  <img src={s.imageUrl} alt="" className="bg-muted/40 size-14 rounded-md object-contain" />
                )}
                <div>
                  <div className="hover:text-primary font-semibold">{s.name}</div>
                  <div className="text-muted-foreground text-xs">{format.number(s.productCount)}</div>
                </div>
              </Link>
              <ul className="space-y-1 text-sm">
                {s.children.map((c) => (
                  <li key={c.id} className="flex justify-between gap-2">
                    <Link href={categoryHref(c.slug)} className="text-muted-foreground hover:text-primary truncate">
                      {c.name}
                    </Link>
                    <span className="text-muted-foreground text-xs tabular-nums">{format.number(c.productCount)}</span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ))}
      </div>
      <ProductSlider title={t("newProducts")} tiles={home.data.newProducts} testId="new-products" />
    </div>
  );
}
