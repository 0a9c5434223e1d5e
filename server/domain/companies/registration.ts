import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../../db/client";
import { companies, registrationApplications, users } from "../../../db/schema";
import { recordAudit } from "../audit/record-audit";
import { badInput, conflict, DomainError, notFound } from "../errors";
import { applicationSchema, approveApplicationSchema, listApplicationsSchema, rejectApplicationSchema } from "./company-schemas";
import { assertCompanyInScope, type CompanyActor } from "./company-scope";
import { addMembership, generatePassword } from "./members";
import { createUser } from "../users/manage-users";
import { notify, NOTIFICATION_EMAIL_TOPIC } from "../notifications/notify";
import { outbox } from "../../../db/schema";
import { regionManagerOf } from "../regions/region-managers";
import { noticeManagerAssigned } from "../notifications/company-notices";

/**
 * The applicant's e-mail about the decision, through the outbox in the decision's transaction,
 * in the language the applicant used on the form.
 */
async function emailApplicant(tx: Pick<Db, "insert">, to: string, locale: "en" | "ru", decision: { approved: true; companyName: string } | { approved: false; reason: string }) {
  const payload = decision.approved
    ? {
        event: "registration.approved",
        title: { en: "Your application is approved", ru: "Ваша заявка одобрена" },
        body: {
          en: `You can now order for ${decision.companyName}. Log in with this e-mail; your manager gives you the password.`,
          ru: `Теперь вы можете делать заказы от имени «${decision.companyName}». Вход — по этому e-mail; пароль сообщит ваш менеджер.`,
        },
        link: "/login",
      }
    : {
        event: "registration.rejected",
        title: { en: "Your application is declined", ru: "Ваша заявка отклонена" },
        body: { en: `Reason: ${decision.reason}`, ru: `Причина: ${decision.reason}` },
        link: null,
      };
  await tx.insert(outbox).values({ topic: NOTIFICATION_EMAIL_TOPIC, payload: { ...payload, to, locale } });
}

/**
 * The closed club (002): nobody signs up; a would-be buyer applies and a manager decides. One
 * pending application per e-mail: applying again updates it instead of piling up rows, so the
 * public form cannot be used to flood the managers' list from one address.
 */
export async function applyForRegistration(db: Db, rawInput: z.input<typeof applicationSchema>): Promise<{ id: string; updated: boolean }> {
  const input = applicationSchema.parse(rawInput);
  const values = {
    name: input.name,
    phone: input.phone ?? null,
    companyName: input.companyName,
    inn: input.inn,
    kpp: input.kpp ?? null,
    message: input.message ?? null,
    locale: input.locale,
  };
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: registrationApplications.id })
      .from(registrationApplications)
      .where(and(eq(registrationApplications.email, input.email), eq(registrationApplications.status, "pending")))
      .limit(1)
      .for("update");
    if (pending) {
      await tx.update(registrationApplications).set(values).where(eq(registrationApplications.id, pending.id));
      return { id: pending.id, updated: true };
    }
    const [row] = await tx.insert(registrationApplications).values({ ...values, email: input.email }).returning({ id: registrationApplications.id });
    if (!row) throw notFound("Application");
    // The people who decide applications hear of a new one on the bell (and other channels by the matrix).
    const deciders = await tx.select({ id: users.id }).from(users).where(and(eq(users.isActive, true), inArray(users.role, ["manager", "head_manager"])));
    await notify(tx, {
      event: "registration.submitted",
      userIds: deciders.map((d) => d.id),
      title: { en: `New application: ${input.companyName}`, ru: `Новая заявка: ${input.companyName}` },
      body: { en: `${input.name}, INN ${input.inn}`, ru: `${input.name}, ИНН ${input.inn}` },
      link: "/workplace",
    });
    return { id: row.id, updated: false };
  });
}

export async function listApplications(db: Db, rawInput: z.input<typeof listApplicationsSchema>) {
  const input = listApplicationsSchema.parse(rawInput);
  return db
    .select({
      id: registrationApplications.id,
      name: registrationApplications.name,
      email: registrationApplications.email,
      phone: registrationApplications.phone,
      companyName: registrationApplications.companyName,
      inn: registrationApplications.inn,
      kpp: registrationApplications.kpp,
      message: registrationApplications.message,
      locale: registrationApplications.locale,
      status: registrationApplications.status,
      companyId: registrationApplications.companyId,
      companyNameLinked: companies.name,
      reason: registrationApplications.reason,
      reviewedAt: registrationApplications.reviewedAt,
      createdAt: registrationApplications.createdAt,
      /** A company with the same INN already in the system: the likely one to attach to. */
      matchingCompanyId: sql<string | null>`(select c.id from companies c where c.inn = ${registrationApplications.inn} order by c.created_at limit 1)`,
    })
    .from(registrationApplications)
    .leftJoin(companies, eq(companies.id, registrationApplications.companyId))
    .where(input.status === "all" ? undefined : eq(registrationApplications.status, input.status))
    .orderBy(desc(registrationApplications.createdAt))
    .limit(200);
}

/** Rows written before the column existed read "ru" (its default); anything else odd falls back to it too. */
const localeOf = (app: { locale: string }): "en" | "ru" => (app.locale === "en" ? "en" : "ru");

async function loadPending(tx: Db, id: string) {
  const [app] = await tx.select().from(registrationApplications).where(eq(registrationApplications.id, id)).limit(1).for("update");
  if (!app) throw notFound("Application");
  if (app.status !== "pending") throw conflict("This application has been decided already");
  return app;
}

/**
 * Approves: the applicant gets a buyer account (a generated password, shown once to the manager)
 * working for an existing company or a new one made from the application. An applicant who is
 * already a buyer is attached without a new account.
 */
export async function approveApplication(db: Db, actor: CompanyActor, rawInput: z.input<typeof approveApplicationSchema>) {
  const input = approveApplicationSchema.parse(rawInput);
  if (input.companyId) await assertCompanyInScope(db, actor, input.companyId);
  return db.transaction(async (tx) => {
    const app = await loadPending(tx, input.id);
    let companyId = input.companyId ?? null;
    if (!companyId) {
      const [same] = await tx.select({ id: companies.id }).from(companies).where(and(eq(companies.inn, app.inn), app.kpp ? eq(companies.kpp, app.kpp) : undefined)).limit(1);
      if (same) throw conflict("A company with this INN exists already: choose it to attach the applicant", "companyId");
      const [created] = await tx
        .insert(companies)
        // The manager who approves serves the new company; an admin or director assigns one later.
        .values({ name: app.companyName, inn: app.inn, kpp: app.kpp, regionId: input.regionId ?? null, managerId: actor.role === "manager" || actor.role === "head_manager" ? actor.id : await regionManagerOf(tx, input.regionId ?? null) })
        .returning({ id: companies.id });
      if (!created) throw notFound("Company");
      companyId = created.id;
      await recordAudit(tx, { actorId: actor.id, action: "company.create", targetType: "company", targetId: companyId, details: { fromApplication: app.id }, ip: actor.ip });
    }
    const [existing] = await tx.select({ id: users.id, kind: users.kind }).from(users).where(eq(users.email, app.email)).limit(1);
    let userId: string;
    let password: string | null = null;
    if (existing) {
      if (existing.kind !== "buyer") throw badInput("This e-mail belongs to a staff or supplier account", "email");
      userId = existing.id;
    } else {
      const generated = generatePassword();
      password = generated;
      const create = (phone: string | undefined) => createUser(tx, actor, { role: "buyer", name: app.name, email: app.email, phone, password: generated, locale: localeOf(app) });
      const user = await create(app.phone ?? undefined).catch((error: unknown) => {
        // A phone someone else uses should not block the approval: the account logs in by e-mail.
        if (error instanceof DomainError && error.field === "phone") return create(undefined);
        throw error;
      });
      userId = user.id;
    }
    await addMembership(tx, { userId, companyId, accessLevel: input.accessLevel, isOwner: input.isOwner });
    // Seed 002: "Регистрация пользователя" reaches the client (SMS by default, the bell too).
    await notify(tx, { event: "user.registered", userIds: [userId], title: { en: "Welcome to the B2B portal", ru: "Добро пожаловать в B2B-портал" }, link: "/b2b" });
    await noticeManagerAssigned(tx, companyId, actor.id);
    await tx
      .update(registrationApplications)
      .set({ status: "approved", companyId, userId, reviewedBy: actor.id, reviewedAt: new Date() })
      .where(eq(registrationApplications.id, app.id));
    await recordAudit(tx, { actorId: actor.id, action: "registration.approve", targetType: "registration_application", targetId: app.id, details: { before: { status: "pending" }, after: { status: "approved", userId, companyId } }, ip: actor.ip });
    const [company] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId));
    await emailApplicant(tx, app.email, localeOf(app), { approved: true, companyName: company?.name ?? app.companyName });
    return { userId, companyId, email: app.email, password };
  });
}

export async function rejectApplication(db: Db, actor: CompanyActor, rawInput: z.input<typeof rejectApplicationSchema>) {
  const input = rejectApplicationSchema.parse(rawInput);
  await db.transaction(async (tx) => {
    const app = await loadPending(tx, input.id);
    await tx
      .update(registrationApplications)
      .set({ status: "rejected", reason: input.reason, reviewedBy: actor.id, reviewedAt: new Date() })
      .where(eq(registrationApplications.id, app.id));
    await recordAudit(tx, { actorId: actor.id, action: "registration.reject", targetType: "registration_application", targetId: app.id, details: { before: { status: "pending" }, after: { status: "rejected", reason: input.reason } }, ip: actor.ip });
    await emailApplicant(tx, app.email, localeOf(app), { approved: false, reason: input.reason });
  });
}
