"use client";
import { useMutation } from "@tanstack/react-query";
import { FileDown, FileSignature } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formErrorOf } from "@/components/forms/trpc-error";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** On the cart: "Request a quote" (to the manager, with a comment) and "PDF for my customer" (a reseller's own offer with its markup). */
export function CartQuoteActions({ cartId }: { cartId: string }) {
  const t = useTranslations("quotes");
  const trpc = useTRPC();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const request = useMutation(
    trpc.quotes.request.mutationOptions({
      onSuccess: (quote) => router.push(`/b2b/quotes/${quote.id}`),
      onError: (e) => setError(formErrorOf(e).message),
    }),
  );
  return (
    <>
      <Dialog>
        <DialogTrigger asChild>
          <Button variant="outline" size="sm" data-testid="request-quote">
            <FileSignature className="size-4" /> {t("request.button")}
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("request.title")}</DialogTitle>
          </DialogHeader>
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              request.mutate({ cartId, comment: comment || undefined });
            }}
          >
            <p className="text-muted-foreground text-sm">{t("request.hint")}</p>
            <Label htmlFor="quote-comment">{t("request.comment")}</Label>
            <Textarea id="quote-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} data-testid="quote-comment" />
            {error ? <p className="text-destructive text-sm">{error}</p> : null}
            <DialogFooter>
              <Button type="submit" disabled={request.isPending} data-testid="request-quote-submit">
                {t("request.submit")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <CustomerPdfDialog href={(markup, customer) => `/api/b2b/cart-offer-pdf?cartId=${cartId}&markup=${encodeURIComponent(markup)}&customer=${encodeURIComponent(customer)}`} />
    </>
  );
}

/** A reseller's offer to its own customer: markup % and the customer's name, downloaded as PDF. */
export function CustomerPdfDialog({ href }: { href: (markup: string, customer: string) => string }) {
  const t = useTranslations("quotes.customerPdf");
  const [markup, setMarkup] = useState("10");
  const [customer, setCustomer] = useState("");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" data-testid="customer-pdf">
          <FileDown className="size-4" /> {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
        </DialogHeader>
        <div className="space-y-3">
          <p className="text-muted-foreground text-sm">{t("hint")}</p>
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <Label htmlFor="markup">{t("markup")}</Label>
              <Input id="markup" type="number" min={0} max={1000} step="0.1" value={markup} onChange={(e) => setMarkup(e.target.value)} data-testid="customer-pdf-markup" />
            </div>
            <div className="space-y-1">
              <Label htmlFor="customer">{t("customer")}</Label>
              <Input id="customer" value={customer} onChange={(e) => setCustomer(e.target.value)} maxLength={200} data-testid="customer-pdf-name" />
            </div>
          </div>
          <DialogFooter>
            <Button asChild disabled={!customer.trim()}>
              <a href={customer.trim() ? href(markup, customer.trim()) : undefined} data-testid="customer-pdf-download">
                {t("download")}
              </a>
            </Button>
          </DialogFooter>
        </div>
      </DialogContent>
    </Dialog>
  );
}
