"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Mail, MessageCircleQuestion, Phone, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";

const phoneLink = (digits: string) => `+${digits}`;

/** The active company's personal manager with contacts and an "Ask a question" form (e-mailed via the outbox). */
export function PersonalManagerCard() {
  const t = useTranslations("companies.personalManager");
  const trpc = useTRPC();
  const manager = useQuery(trpc.buyerAccount.manager.queryOptions());
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState("");
  const [question, setQuestion] = useState("");
  const ask = useMutation(
    trpc.buyerAccount.askManager.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("sent", { name: result.managerName }));
        setOpen(false);
        setTopic("");
        setQuestion("");
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  if (manager.isPending) return <Skeleton className="h-40 w-full" />;
  return (
    <Card data-testid="personal-manager">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {!manager.data ? (
          <p className="text-muted-foreground text-sm">{t("none")}</p>
        ) : (
          <div className="space-y-3">
            <div className="flex items-center gap-3">
              <div className="bg-primary/10 text-primary flex size-10 items-center justify-center rounded-full">
                <UserRound className="size-5" />
              </div>
              <div>
                <p className="font-medium" data-testid="personal-manager-name">
                  {manager.data.name}
                </p>
                <p className="text-muted-foreground text-xs">{manager.data.companyName}</p>
              </div>
            </div>
            {manager.data.phone && (
              <a className="flex items-center gap-2 text-sm hover:underline" href={`tel:${phoneLink(manager.data.phone)}`}>
                <Phone className="text-muted-foreground size-4" /> {phoneLink(manager.data.phone)}
              </a>
            )}
            {manager.data.email && (
              <a className="flex items-center gap-2 text-sm hover:underline" href={`mailto:${manager.data.email}`}>
                <Mail className="text-muted-foreground size-4" /> {manager.data.email}
              </a>
            )}
            <Button variant="outline" className="w-full" onClick={() => setOpen(true)} disabled={!manager.data.email} data-testid="ask-manager">
              <MessageCircleQuestion className="size-4" /> {t("ask")}
            </Button>
          </div>
        )}
      </CardContent>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("ask")}</DialogTitle>
            <DialogDescription>{t("askHint", { name: manager.data?.name ?? "" })}</DialogDescription>
          </DialogHeader>
          <form
            className="space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              ask.mutate({ topic: topic || undefined, question });
            }}
          >
            <div className="space-y-2">
              <Label htmlFor="question-topic">{t("topic")}</Label>
              <Input id="question-topic" value={topic} maxLength={200} onChange={(e) => setTopic(e.target.value)} />
            </div>
            <div className="space-y-2">
              <Label htmlFor="question-text">{t("question")}</Label>
              <Textarea id="question-text" rows={6} value={question} maxLength={4000} onChange={(e) => setQuestion(e.target.value)} required minLength={5} data-testid="ask-manager-text" />
            </div>
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={ask.isPending || question.trim().length < 5} data-testid="ask-manager-send">
                {t("send")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
