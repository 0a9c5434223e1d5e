import { LogIn } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { startImpersonationAction } from "./actions";

/** On the staff company page: the company's buyers, each with "Log in as this client" (to build an order during a phone call). */
export async function LogInAsCard({ companyId, buyers }: { companyId: string; buyers: Array<{ id: string; name: string; email: string | null; isOwner: boolean }> }) {
  const t = await getTranslations("impersonation");
  return (
    <Card className="mt-4" data-testid="log-in-as-card">
      <CardHeader>
        <CardTitle className="text-base">{t("cardTitle")}</CardTitle>
      </CardHeader>
      <CardContent>
        {buyers.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("noBuyers")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("buyer")}</TableHead>
                <TableHead>E-mail</TableHead>
                <TableHead className="text-right" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {buyers.map((buyer) => (
                <TableRow key={buyer.id} data-testid="log-in-as-row" data-email={buyer.email ?? ""}>
                  <TableCell>
                    {buyer.name}
                    {buyer.isOwner ? <span className="text-muted-foreground ml-2 text-xs">{t("owner")}</span> : null}
                  </TableCell>
                  <TableCell>{buyer.email ?? "—"}</TableCell>
                  <TableCell className="text-right">
                    <form action={startImpersonationAction.bind(null, companyId, buyer.id)}>
                      <Button type="submit" size="sm" variant="outline" data-testid="log-in-as">
                        <LogIn className="mr-1 size-4" />
                        {t("logInAs")}
                      </Button>
                    </form>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
