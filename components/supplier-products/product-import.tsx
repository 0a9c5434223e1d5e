"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { formErrorOf } from "@/components/forms/trpc-error";
import { downloadBase64, fileToBase64 } from "@/components/fulfilment/download";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Upload = { fileName: string; contentBase64: string };

/** Upload an XLSX/CSV file → preview with per-row errors → import the good rows. */
export function SupplierProductImport() {
  const t = useTranslations("supplierProducts.import");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<Upload | null>(null);
  const preview = useMutation(trpc.supplierProducts.importPreview.mutationOptions({ onError: (e) => toast.error(formErrorOf(e).message) }));
  const apply = useMutation(
    trpc.supplierProducts.importApply.mutationOptions({
      onSuccess: async (r) => {
        toast.success(t("done", { created: r.created, updated: r.updated }));
        await queryClient.invalidateQueries({ queryKey: trpc.supplierProducts.pathKey() });
      },
      onError: (e) => toast.error(formErrorOf(e).message),
    }),
  );
  const pick = async (files: FileList | null) => {
    const picked = files?.[0];
    if (!picked) return;
    const upload = { fileName: picked.name, contentBase64: await fileToBase64(picked) };
    setFile(upload);
    apply.reset();
    preview.mutate(upload);
  };
  const result = apply.data ?? preview.data;
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <p className="text-muted-foreground text-sm">{t("hint")}</p>
          <div className="flex flex-wrap gap-2">
            <label className="border-input hover:bg-muted inline-flex h-9 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm">
              <Upload className="size-4" /> {t("choose")}
              <input type="file" accept=".xlsx,.csv" className="sr-only" onChange={(e) => void pick(e.target.files)} data-testid="import-file" />
            </label>
            <TemplateButton label={t("template")} />
            {file && preview.data && !apply.data ? (
              <Button onClick={() => apply.mutate(file)} disabled={apply.isPending || preview.data.counts.create + preview.data.counts.update === 0} data-testid="import-confirm">
                {t("confirm", { count: preview.data.counts.create + preview.data.counts.update })}
              </Button>
            ) : null}
          </div>
        </CardContent>
      </Card>
      {result ? (
        <Card>
          <CardContent className="space-y-3">
            <div className="flex flex-wrap gap-2 text-sm" data-testid="import-counts">
              <Badge variant="default">{t("counts.create", { count: result.counts.create })}</Badge>
              <Badge variant="secondary">{t("counts.update", { count: result.counts.update })}</Badge>
              <Badge variant="destructive">{t("counts.error", { count: result.counts.error })}</Badge>
              {apply.data ? <Badge variant="outline" data-testid="import-done">{t("done", { created: apply.data.created, updated: apply.data.updated })}</Badge> : null}
            </div>
            <Table data-testid="import-preview">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("line")}</TableHead>
                  <TableHead>SKU</TableHead>
                  <TableHead>{t("name")}</TableHead>
                  <TableHead>{t("action")}</TableHead>
                  <TableHead>{t("errors")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.rows.map((row) => (
                  <TableRow key={row.line} data-testid="import-row" data-sku={row.sku} data-action={row.action}>
                    <TableCell>{row.line}</TableCell>
                    <TableCell className="font-mono text-xs">{row.sku}</TableCell>
                    <TableCell>{row.name}</TableCell>
                    <TableCell>
                      <Badge variant={row.action === "error" ? "destructive" : row.action === "create" ? "default" : "secondary"}>{t(`actions.${row.action}`)}</Badge>
                    </TableCell>
                    <TableCell className="text-destructive text-sm" data-testid="import-row-errors">
                      {row.errors.map((e) => t(`err.${e}`)).join("; ")}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

function TemplateButton({ label }: { label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const download = async () => {
    const file = await queryClient.fetchQuery(trpc.supplierProducts.importTemplate.queryOptions());
    downloadBase64({ filename: file.fileName, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base64: file.contentBase64 });
  };
  return (
    <Button variant="outline" onClick={() => void download()} data-testid="import-template">
      <Download className="size-4" /> {label}
    </Button>
  );
}
