"use client";
import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export interface SecretField {
  label: string;
  value: string;
  testId: string;
  /** Labels that are API field names (api_key) read best in the code font. */
  codeLabel?: boolean;
}

export interface SecretOnceTexts {
  description: string;
  copy: string;
  copied: string;
  done: string;
}

/** Shows a freshly made secret once (shop key, processor webhook secret, shipper secret); after closing it can only be replaced. */
export function SecretOnceDialog({ title, fields, texts, doneTestId, onClose }: { title: string; fields: SecretField[]; texts: SecretOnceTexts; doneTestId?: string; onClose: () => void }) {
  async function copy(value: string) {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    toast.success(texts.copied);
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{texts.description}</DialogDescription>
        </DialogHeader>
        <dl className="grid gap-3 text-sm">
          {fields.map((field) => (
            <div key={field.testId}>
              <dt className={`text-muted-foreground mb-1 text-xs ${field.codeLabel ? "font-mono" : ""}`}>{field.label}</dt>
              <dd className="bg-muted flex items-center gap-2 rounded-md px-3 py-2 font-mono break-all" data-testid={field.testId}>
                <span className="flex-1">{field.value}</span>
                <Button type="button" size="icon" variant="ghost" aria-label={texts.copy} onClick={() => copy(field.value)}>
                  <Copy className="size-4" />
                </Button>
              </dd>
            </div>
          ))}
        </dl>
        <DialogFooter>
          <Button onClick={onClose} data-testid={doneTestId}>
            {texts.done}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
