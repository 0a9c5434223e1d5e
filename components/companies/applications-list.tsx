"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ClipboardList, X } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { SecretOnceDialog } from "@/components/admin/secret-once-dialog";
import { Field } from "@/components/forms/field";
import { formErrorOf, type FormError } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { AccessLevelSelect } from "./member-dialogs";

type Status = "pending" | "approved" | "rejected" | "all";
const NEW = "new";

interface Application {
  id: string;
  name: string;
  email: string;
  companyName: string;
  inn: string;
  kpp: string | null;
  matchingCompanyId: string | null;
}

function ApproveDialog({ app, onClose, onApproved }: { app: Application; onClose: () => void; onApproved: (result: { email: string; password: string | null }) => void }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const companies = useQuery(trpc.companies.list.queryOptions({ search: app.inn, pageSize: 20 }));
  const [companyId, setCompanyId] = useState<string>(app.matchingCompanyId ?? NEW);
  const [accessLevel, setAccessLevel] = useState(1);
  const [isOwner, setIsOwner] = useState(true);
  const [error, setError] = useState<FormError | null>(null);
  const approve = useMutation(trpc.companies.approveApplication.mutationOptions({ onSuccess: onApproved, onError: (e) => setError(formErrorOf(e)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    approve.mutate({ id: app.id, companyId: companyId === NEW ? null : companyId, accessLevel, isOwner });
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("applications.approveTitle")}</DialogTitle>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" data-testid="approve-form">
          <p className="text-sm">
            <span className="font-medium">{app.name}</span> · {app.email}
            <br />
            <span className="text-muted-foreground">
              {app.companyName} · {t("fields.inn")} {app.inn}
              {app.kpp ? ` · ${t("fields.kpp")} ${app.kpp}` : ""}
            </span>
          </p>
          <Field id="approveCompany" label={t("applications.attachTo")} error={error?.message ?? null}>
            <Select value={companyId} onValueChange={setCompanyId}>
              <SelectTrigger id="approveCompany" className="w-full" data-testid="approve-company">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NEW}>{t("applications.newCompany")}</SelectItem>
                {companies.data?.rows.map((c) => (
                  <SelectItem key={c.id} value={c.id}>
                    {c.name} ({c.inn}
                    {c.kpp ? `/${c.kpp}` : ""})
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field id="approveLevel" label={t("members.accessLevel")}>
            <AccessLevelSelect id="approveLevel" value={accessLevel} onChange={setAccessLevel} />
          </Field>
          <div className="flex items-center gap-2">
            <Checkbox id="approveOwner" checked={isOwner} onCheckedChange={(v) => setIsOwner(v === true)} />
            <Label htmlFor="approveOwner" className="font-normal">
              {t("members.makeOwner")}
            </Label>
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" variant="success" disabled={approve.isPending} data-testid="approve-submit">
              <Check className="size-4" />
              {t("applications.approve")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RejectDialog({ app, onClose, onDone }: { app: Application; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useTranslations("companies");
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reject = useMutation(
    trpc.companies.rejectApplication.mutationOptions({
      onSuccess: async () => {
        toast.success(t("applications.rejected"));
        await onDone();
        onClose();
      },
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("applications.rejectTitle")}</DialogTitle>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate({ id: app.id, reason });
          }}
        >
          <p className="text-sm">
            {app.name} · {app.companyName}
          </p>
          <Field id="rejectReason" label={t("applications.reason")} error={error}>
            <Textarea id="rejectReason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("form.cancel")}
            </Button>
            <Button type="submit" variant="destructive" disabled={reject.isPending} data-testid="reject-submit">
              {t("applications.reject")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The closed club's queue: applications from /register, approved (account + company) or rejected with a reason. */
export function ApplicationsList() {
  const t = useTranslations("companies");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>("pending");
  const list = useQuery(trpc.companies.applications.queryOptions({ status }));
  const [dialog, setDialog] = useState<{ kind: "approve" | "reject"; app: Application } | null>(null);
  const [approved, setApproved] = useState<{ email: string; password: string | null } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.companies.pathKey() });
  const rows = list.data ?? [];
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3 border-b">
        <CardTitle>{t("applications.title")}</CardTitle>
        <Tabs value={status} onValueChange={(v) => setStatus(v as Status)}>
          <TabsList>
            {(["pending", "approved", "rejected", "all"] as const).map((s) => (
              <TabsTrigger key={s} value={s} data-testid={`applications-tab-${s}`}>
                {t(`applications.tabs.${s}`)}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
      </CardHeader>
      <CardContent className="pt-4">
        <div className="overflow-x-auto rounded-md border">
          <Table data-testid="applications-table" aria-busy={list.isFetching}>
            <TableHeader>
              <TableRow>
                <TableHead>{t("applications.applicant")}</TableHead>
                <TableHead>{t("applications.company")}</TableHead>
                <TableHead>{t("applications.message")}</TableHead>
                <TableHead>{t("applications.status")}</TableHead>
                <TableHead className="w-48" />
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.isPending && (
                <TableRow>
                  <TableCell colSpan={5}>
                    <Skeleton className="h-16 w-full" />
                  </TableCell>
                </TableRow>
              )}
              {list.data && rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} className="py-12">
                    <div className="text-muted-foreground flex flex-col items-center gap-2 text-sm" data-testid="applications-empty">
                      <div className="bg-primary/10 text-primary grid size-12 place-items-center rounded-full">
                        <ClipboardList className="size-6" />
                      </div>
                      {t("applications.empty")}
                    </div>
                  </TableCell>
                </TableRow>
              )}
              {rows.map((a) => (
                <TableRow key={a.id} data-testid="application-row">
                  <TableCell>
                    <div className="font-medium">{a.name}</div>
                    <div className="text-muted-foreground text-xs">{a.email}</div>
                    {a.phone && <div className="text-muted-foreground text-xs">{a.phone}</div>}
                  </TableCell>
                  <TableCell>
                    <div className="font-medium">{a.companyName}</div>
                    <div className="text-muted-foreground font-mono text-xs">
                      {t("fields.inn")} {a.inn}
                      {a.kpp ? ` · ${t("fields.kpp")} ${a.kpp}` : ""}
                    </div>
                    {a.companyId && (
                      <Link href={`/companies/${a.companyId}`} className="text-primary text-xs hover:underline">
                        → {a.companyNameLinked}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell className="max-w-64 min-w-48 text-sm whitespace-normal">
                    <p className="line-clamp-2">{a.message ?? "—"}</p>
                    <p className="text-muted-foreground text-xs">
                      {t("applications.received")} {format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </p>
                    {a.reason && <p className="text-destructive text-xs">{a.reason}</p>}
                  </TableCell>
                  <TableCell>
                    <Badge variant={a.status === "approved" ? "success" : a.status === "rejected" ? "destructive" : "warning"} className="uppercase">
                      {t(`applications.statusLabel.${a.status}`)}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right">
                    {a.status === "pending" && (
                      <div className="flex justify-end gap-2">
                        <Button size="sm" variant="success" onClick={() => setDialog({ kind: "approve", app: a })} data-testid="approve-application">
                          <Check className="size-4" />
                          {t("applications.approve")}
                        </Button>
                        <Button size="sm" variant="outline" onClick={() => setDialog({ kind: "reject", app: a })} data-testid="reject-application">
                          <X className="size-4" />
                          {t("applications.reject")}
                        </Button>
                      </div>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </CardContent>
      {dialog?.kind === "approve" && (
        <ApproveDialog
          app={dialog.app}
          onClose={() => setDialog(null)}
          onApproved={async (result) => {
            setDialog(null);
            toast.success(t("applications.approved"));
            setApproved(result);
            await refresh();
          }}
        />
      )}
      {dialog?.kind === "reject" && <RejectDialog app={dialog.app} onClose={() => setDialog(null)} onDone={refresh} />}
      {approved &&
        (approved.password ? (
          <SecretOnceDialog
            title={t("applications.approvedTitle")}
            fields={[
              { label: t("members.loginLabel"), value: approved.email, testId: "approved-login" },
              { label: t("members.passwordLabel"), value: approved.password, testId: "approved-password" },
            ]}
            texts={{ description: t("applications.approvedDescription"), copy: t("members.copy"), copied: t("members.copied"), done: t("members.done") }}
            doneTestId="approved-done"
            onClose={() => setApproved(null)}
          />
        ) : (
          <Dialog open onOpenChange={(open) => !open && setApproved(null)}>
            <DialogContent className="sm:max-w-md">
              <DialogHeader>
                <DialogTitle>{t("applications.approved")}</DialogTitle>
              </DialogHeader>
              <p className="text-sm">{t("applications.existingUser")}</p>
              <DialogFooter>
                <Button onClick={() => setApproved(null)} data-testid="approved-done">
                  {t("members.done")}
                </Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
        ))}
    </Card>
  );
}
