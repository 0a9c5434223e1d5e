"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, UserPlus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

function InviteDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslations("suppliers.members");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [error, setError] = useState<FormError | null>(null);
  const invite = useMutation(
    trpc.suppliers.inviteMember.mutationOptions({
      onSuccess: () => {
        toast.success(t("sent", { email }));
        void queryClient.invalidateQueries({ queryKey: trpc.suppliers.members.queryKey() });
        onClose();
      },
      onError: (e) => setError(formErrorOf(e)),
    }),
  );
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // The invitation e-mail goes in the inviter's current UI language: colleagues share one.
    invite.mutate({ name, email, locale: locale === "en" ? "en" : "ru" });
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("inviteTitle")}</DialogTitle>
          <DialogDescription>{t("inviteHint")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="invite-member-form" noValidate>
          <Field id="member-name" label={t("name")} error={fieldError("name")}>
            <Input id="member-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(fieldError("name"))} />
          </Field>
          <Field id="member-email" label={t("email")} error={fieldError("email")}>
            <Input id="member-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={Boolean(fieldError("email"))} />
          </Field>
          {error && error.field !== "name" && error.field !== "email" && (
            <p className="text-destructive text-sm" role="alert">
              {error.message}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={invite.isPending} data-testid="invite-member-submit">
              {invite.isPending && <Loader2 className="size-4 animate-spin" />}
              {t("send")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The supplier's people: any member sees them, invites a colleague and switches one off. */
export function SupplierMembersCard() {
  const t = useTranslations("suppliers.members");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const members = useQuery(trpc.suppliers.members.queryOptions());
  const deactivate = useMutation(
    trpc.suppliers.deactivateMember.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.suppliers.members.queryKey() }),
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const data = members.data;
  return (
    <Card data-testid="supplier-members">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle>{t("title")}</CardTitle>
          <CardDescription>{t("subtitle")}</CardDescription>
        </div>
        <Button onClick={() => setInviting(true)} data-testid="invite-member">
          <UserPlus className="size-4" />
          {t("invite")}
        </Button>
      </CardHeader>
      <CardContent>
        {!data ? (
          <Skeleton className="h-24 w-full" />
        ) : data.members.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("name")}</TableHead>
                  <TableHead>{t("email")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead className="w-0" />
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.members.map((m) => {
                  const isMe = m.userId === data.me;
                  return (
                    <TableRow key={m.userId} data-testid="member-row" data-email={m.email ?? ""}>
                      <TableCell className="font-medium">
                        {m.name}
                        {isMe && <span className="text-muted-foreground"> ({t("you")})</span>}
                        {m.isOwner && (
                          <Badge variant="secondary" className="ml-2">
                            {t("owner")}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell className="text-muted-foreground">{m.email}</TableCell>
                      <TableCell data-testid="member-status">
                        {m.isActive ? <Badge variant="success">{t("active")}</Badge> : m.invited ? <Badge variant="info">{t("invited")}</Badge> : <Badge variant="outline">{t("inactive")}</Badge>}
                      </TableCell>
                      <TableCell className="text-right">
                        {!isMe && (m.isActive || m.invited) && (
                          <Button
                            size="sm"
                            variant="ghost"
                            className="text-destructive"
                            disabled={deactivate.isPending}
                            data-testid="member-deactivate"
                            onClick={() => {
                              if (!window.confirm(t("deactivateConfirm", { name: m.name }))) return;
                              deactivate.mutate({ userId: m.userId }, { onSuccess: () => toast.success(t("deactivated", { name: m.name })) });
                            }}
                          >
                            {m.isActive ? t("deactivate") : t("cancelInvite")}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </Card>
  );
}
