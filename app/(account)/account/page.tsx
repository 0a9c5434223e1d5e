import { getTranslations } from "next-intl/server";
import { ChangePasswordCard } from "@/components/account/change-password-card";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { PageHeader } from "@/components/layout/page-header";
import { MyNotificationsCard } from "@/components/notifications/my-notifications-card";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireSession } from "@/server/auth/session";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ require2fa?: string }> }) {
  const session = await requireSession();
  const { require2fa } = await searchParams;
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("account.title")} crumbs={[{ label: session.user.name }, { label: t("account.title") }]} />
      {require2fa && !session.user.totpEnabled && (
        <Alert variant="warning" className="mb-6">
          <AlertDescription>{t("account.totpRequired")}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        <ChangePasswordCard />
        <TwoFactorCard enabled={session.user.totpEnabled} />
        <MyNotificationsCard impersonating={Boolean(session.impersonator)} />
      </div>
    </>
  );
}
