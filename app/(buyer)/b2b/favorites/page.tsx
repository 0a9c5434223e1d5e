import { getTranslations } from "next-intl/server";
import { FavoritesList } from "@/components/catalog/favorites-list";
import { PageHeader } from "@/components/layout/page-header";
import { requirePermission } from "@/server/auth/session";

export default async function FavoritesPage() {
  await requirePermission("buyer.cabinet");
  const t = await getTranslations("catalog");
  return (
    <>
      <PageHeader title={t("favorites.title")} crumbs={[{ label: t("crumb"), href: "/b2b" }, { label: t("favorites.title") }]} />
      <FavoritesList />
    </>
  );
}
