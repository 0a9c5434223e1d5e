"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ImportRowResult } from "@/server/domain/fulfilment/import-tracking";
import { fileToBase64 } from "./download";

/** "Import tracking numbers": the shipper's CSV/XLSX; each row on its own, the failures listed by line. */
export function ImportTrackingButton() {
  const t = useTranslations("fulfilment.import");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<{ applied: number; failed: ImportRowResult[] } | null>(null);
  const upload = useMutation(
    trpc.fulfilment.importTracking.mutationOptions({
      onSuccess: async (result) => {
        setReport({ applied: result.applied, failed: result.results.filter((r) => !r.ok) });
        await queryClient.invalidateQueries({ queryKey: trpc.orders.pathKey() });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) return toast.error(t("tooLarge"));
    upload.mutate({ filename: file.name, contentBase64: await fileToBase64(file) });
    if (input.current) input.current.value = "";
  };
  return (
    <>
      <input ref={input} type="file" accept=".csv,.xlsx,text/csv" className="hidden" onChange={(e) => void pick(e.target.files?.[0])} data-testid="import-tracking-file" />
      <Button variant="outline" size="sm" disabled={upload.isPending} onClick={() => input.current?.click()} data-testid="import-tracking">
        <Upload className="size-4" />
        {t("button")}
      </Button>
      {report && (
        <Dialog open onOpenChange={(open) => !open && setReport(null)}>
          <DialogContent data-testid="import-result">
            <DialogHeader>
              <DialogTitle>{t("resultTitle")}</DialogTitle>
              <DialogDescription>
                <span className="text-success font-medium">{t("applied", { count: report.applied })}</span>
                {report.failed.length > 0 && <span className="text-destructive ms-3 font-medium">{t("failed", { count: report.failed.length })}</span>}
              </DialogDescription>
            </DialogHeader>
            {report.failed.length > 0 && (
              <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
                {report.failed.map((r) => (
                  <li key={r.line} className="flex gap-2">
                    <span className="font-mono">{t("line", { line: r.line })}</span>
                    <span className="text-muted-foreground">{!r.ok && r.error}</span>
                  </li>
                ))}
              </ul>
            )}
            <DialogFooter>
              <Button onClick={() => setReport(null)}>{t("close")}</Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </>
  );
}
