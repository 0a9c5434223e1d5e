import type { Role } from "../../server/auth/roles";

export interface DemoUser {
  role: Role;
  name: string;
  username?: string;
  email: string;
  phone?: string;
  password: string;
  locale: "en" | "ru";
}

/** One login per role, so a newcomer can see every face of the product. Printed on start. */
export const DEMO_USERS: DemoUser[] = [
  { role: "admin", name: "Alex Admin", username: "admin", email: "admin@demo.t3crm.local", password: "admin-demo", locale: "en" },
  { role: "director", name: "Diana Director", username: "director", email: "director@demo.t3crm.local", password: "director-demo", locale: "en" },
  { role: "head_manager", name: "Harry Head", username: "head", email: "head@demo.t3crm.local", password: "head-demo", locale: "en" },
  { role: "manager", name: "Maria Manager", username: "manager", email: "manager@demo.t3crm.local", password: "manager-demo", locale: "en" },
  { role: "call_center", name: "Carl Operator", username: "callcenter", email: "callcenter@demo.t3crm.local", password: "callcenter-demo", locale: "en" },
  { role: "content_moderator", name: "Mona Moderator", username: "moderator", email: "moderator@demo.t3crm.local", password: "moderator-demo", locale: "en" },
  { role: "buyer", name: "Boris Buyer", email: "buyer@demo.t3crm.local", phone: "79990000001", password: "buyer-demo", locale: "ru" },
  { role: "supplier", name: "Sofia Supplier", email: "supplier@demo.t3crm.local", phone: "79990000002", password: "supplier-demo", locale: "ru" },
];
