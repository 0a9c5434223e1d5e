import { eq } from "drizzle-orm";
import { companies, companyMembers, users } from "../../../db/schema";
import { notify } from "./notify";

type Writer = Parameters<typeof notify>[0];

/**
 * Seed 002's "company and personal manager assigned": the company's users learn who their
 * personal manager now is (client audience), the manager learns he serves the company (staff
 * audience). The one who made the assignment is not told. Called inside the change's transaction.
 */
export async function noticeManagerAssigned(db: Writer, companyId: string, actorId: string | null) {
  const [company] = await db
    .select({ name: companies.name, managerId: companies.managerId, managerName: users.name, managerPhone: users.phone, managerEmail: users.email })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.managerId))
    .where(eq(companies.id, companyId));
  if (!company?.managerId) return;
  const members = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(eq(companyMembers.companyId, companyId));
  const clients = members.map((m) => m.userId).filter((id) => id !== actorId);
  if (clients.length) {
    const contact = [company.managerPhone, company.managerEmail].filter(Boolean).join(", ");
    await notify(db, {
      event: "company.manager_assigned", userIds: clients,
      title: { en: `${company.name}: your personal manager is ${company.managerName}`, ru: `${company.name}: ваш персональный менеджер — ${company.managerName}` },
      body: contact ? { en: contact, ru: contact } : undefined,
      link: "/b2b/company",
    });
  }
  if (company.managerId !== actorId) {
    await notify(db, {
      event: "company.manager_assigned", userIds: [company.managerId],
      title: { en: `You now serve ${company.name}`, ru: `Вам назначена компания ${company.name}` },
      link: `/companies/${companyId}`,
    });
  }
}
