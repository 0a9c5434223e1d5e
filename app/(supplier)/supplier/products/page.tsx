import { FileUp, Plus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { SupplierProductsList } from "@/components/supplier-products/products-list";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/server/auth/session";

export default async function SupplierProductsPage() {
  await requirePermission("supplier.cabinet");
  const t = await getTranslations("supplierProducts");
  return (
    <>
      <PageHeader
        title={t("list.title")}
        crumbs={[{ label: t("crumb"), href: "/supplier" }, { label: t("list.title") }]}
        actions={
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <Link href="/supplier/products/import">
                <FileUp className="size-4" /> {t("import.nav")}
              </Link>
            </Button>
            <Button asChild>
              <Link href="/supplier/products/new" data-testid="new-product">
                <Plus className="size-4" /> {t("list.add")}
              </Link>
            </Button>
          </div>
        }
      />
      <SupplierProductsList />
    </>
  );
}
