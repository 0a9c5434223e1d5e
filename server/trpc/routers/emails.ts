import { z } from "zod";
import { getMail, listMail } from "../../domain/email/mail-log";
import { renderStatusEmail, sampleStatusEmailData, EMAIL_STATUSES } from "../../domain/email/status-email";
import { listTemplates, resetTemplate, saveTemplate } from "../../domain/email/templates";
import { createTRPCRouter, staffProcedure } from "../init";

const manage = staffProcedure("emails.manage");
const templateKey = z.object({ status: z.enum(EMAIL_STATUSES), locale: z.enum(["en", "ru"]) });
const templateText = templateKey.extend({
  subject: z.string().trim().min(1, "The subject must not be empty").max(300),
  body: z.string().trim().min(1, "The text must not be empty").max(20_000),
});

export const emailsRouter = createTRPCRouter({
  templates: manage.query(({ ctx }) => listTemplates(ctx.db)),
  save: manage
    .input(templateText.extend({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => saveTemplate(ctx.db, input, ctx.session.user.id)),
  reset: manage.input(templateKey).mutation(({ ctx, input }) => resetTemplate(ctx.db, input.status, input.locale)),
  /** Live preview of an unsaved text on sample data. */
  preview: manage.input(templateText).query(({ input }) => renderStatusEmail(input, sampleStatusEmailData(input.status, input.locale))),
  log: staffProcedure("mail.view")
    .input(
      z.object({
        search: z.string().trim().max(100).optional(),
        status: z.enum(["queued", "sent", "retrying", "failed", "skipped"]).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(5).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => listMail(ctx.db, ctx.session.user, input)),
  message: staffProcedure("mail.view")
    .input(z.object({ id: z.number().int().positive() }))
    .query(({ ctx, input }) => getMail(ctx.db, ctx.session.user, input.id)),
});
