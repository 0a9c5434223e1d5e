"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { fileToBase64 } from "@/components/fulfilment/download";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/textarea";
import type { QuickOrderReport } from "@/server/domain/carts/quick-order";

/** Quick order: paste "SKU qty" lines or upload the XLSX template; a report line per input line. */
export function QuickOrder() {
  const t = useTranslations("ordering.quick");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [report, setReport] = useState<QuickOrderReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const mutation = useMutation(
    trpc.ordering.quickOrder.mutationOptions({
      onSuccess: async (result) => {
        setReport(result);
        if (result.added > 0) setText("");
        await queryClient.invalidateQueries({ queryKey: trpc.ordering.pathKey() });
      },
      onError: (error) => toast.error(formErrorOf(error).message),
    }),
  );
  const problemText = (line: QuickOrderReport["lines"][number]) => {
    if (line.ok) return t("ok");
    switch (line.problem) {
      case "below_min":
        return t("below_min", { min: line.minQty ?? 0, unit: line.unit ?? "", suggested: line.suggested ?? 0 });
      case "not_multiple":
        return t("not_multiple", { multiple: line.multiple ?? 0, unit: line.unit ?? "", suggested: line.suggested ?? 0 });
      default:
        return t(line.problem ?? "unknown_sku");
    }
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} placeholder={t("paste")} aria-label={t("paste")} data-testid="quick-text" className="font-mono text-sm" />
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => mutation.mutate({ text })} disabled={mutation.isPending || !text.trim()} data-testid="quick-add">
            {t("addLines")}
          </Button>
          <Button variant="outline" onClick={() => fileInput.current?.click()} disabled={mutation.isPending}>
            <Upload className="size-4" /> {t("upload")}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx"
            className="hidden"
            data-testid="quick-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) mutation.mutate({ fileName: file.name, contentBase64: await fileToBase64(file) });
            }}
          />
          <Button asChild variant="link" size="sm">
            <a href="/api/b2b/quick-order-template" data-testid="quick-template">
              <Download className="size-4" /> {t("template")}
            </a>
          </Button>
        </div>
        {report && (
          <div className="space-y-1 text-sm" data-testid="quick-report">
            <p className="font-medium">{t("report", { added: report.added, rejected: report.rejected })}</p>
            <ul className="space-y-0.5">
              {report.lines.map((line) => (
                <li key={line.line} data-testid="quick-report-line" data-ok={line.ok} className={cn(line.ok ? "text-emerald-600" : "text-destructive")}>
                  {t("line", { line: line.line })}: <span className="font-mono">{line.sku}</span> — {problemText(line)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
