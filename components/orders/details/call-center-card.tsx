"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Headset } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { OPERATOR_SETTABLE_CC_STATUSES, type CallCenterStatus } from "@/server/domain/orders/order-statuses";
import { CallCenterBadge } from "../status-badges";

export function CallCenterCard({ orderId, status, since, lastContact, editable }: { orderId: string; status: CallCenterStatus | null; since: Date | null; lastContact: Date | null; editable: boolean }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [next, setNext] = useState<CallCenterStatus>(status && (OPERATOR_SETTABLE_CC_STATUSES as readonly string[]).includes(status) ? status : "new_inquiry");
  const [note, setNote] = useState("");
  const save = useMutation(
    trpc.orders.setCallCenterStatus.mutationOptions({
      onSuccess: async () => {
        toast.success(t("details.ccSaved"));
        setNote("");
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );
  return (
    <Card data-testid="call-center-card">
      <CardHeader className="flex flex-row items-center justify-between border-b">
        <CardTitle className="flex items-center gap-2">
          <Headset className="size-4" />
          {t("details.callCenter")}
        </CardTitle>
        <CallCenterBadge status={status} />
      </CardHeader>
      <CardContent className="space-y-3 pt-4 text-sm">
        {since && <p className="text-muted-foreground">{t("details.inQueueSince", { date: format.dateTime(new Date(since), { dateStyle: "medium", timeStyle: "short" }) })}</p>}
        <p className="text-muted-foreground">{t("details.lastContact", { date: lastContact ? format.dateTime(new Date(lastContact), { dateStyle: "medium", timeStyle: "short" }) : t("never") })}</p>
        {editable && (
          <div className="space-y-3">
            <div className="grid gap-1.5">
              <Label htmlFor="cc-status">{t("details.ccStatus")}</Label>
              <Select value={next} onValueChange={(value) => setNext(value as CallCenterStatus)}>
                <SelectTrigger id="cc-status" data-testid="cc-status-select">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {OPERATOR_SETTABLE_CC_STATUSES.map((s) => (
                    <SelectItem key={s} value={s}>
                      {t(`callCenterStatus.${s}`)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="cc-note">{t("details.ccComment")}</Label>
              <Textarea id="cc-note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} data-testid="cc-note" />
            </div>
            <Button className="w-full" disabled={save.isPending} onClick={() => save.mutate({ orderId, status: next, note: note.trim() || undefined })} data-testid="cc-save">
              {t("details.ccSave")}
            </Button>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
