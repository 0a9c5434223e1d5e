import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { ROLES, USER_KINDS } from "../../server/auth/roles";

export const userRole = pgEnum("user_role", ROLES);
export const userKind = pgEnum("user_kind", USER_KINDS);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: userKind().notNull(),
    role: userRole().notNull(),
    /** Staff only: a short login name. Buyers and suppliers log in by e-mail or phone. */
    username: text(),
    /** Stored lower-cased: e-mail is an identifier, not a display string. */
    email: text(),
    /** Digits only with the country code (E.164 without "+"), so "+7 (999) 123-45-67" and "79991234567" match. */
    phone: text(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    locale: text().notNull().default("en"),
    isActive: boolean().notNull().default(true),
    /** A head of managers supervises managers; used by the manager hierarchy. */
    supervisorId: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    totpSecretEncrypted: text(),
    totpEnabled: boolean().notNull().default(false),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_username_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_phone_key").on(t.phone),
    index("users_role_idx").on(t.role),
  ],
);

/**
 * Server-side half of a login. The browser holds a signed JWT that names one of these rows;
 * every request checks the row, so revoking it (logout, deactivation, password reset) ends the
 * session at once instead of when the JWT expires.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    remember: boolean().notNull(),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/** Every login attempt, kept for throttling (per account and per IP) and for the security log. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid().primaryKey().defaultRandom(),
    identifier: text().notNull(),
    ip: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    success: boolean().notNull(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_identifier_idx").on(t.identifier, t.createdAt),
    index("login_attempts_ip_idx").on(t.ip, t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserSession = typeof userSessions.$inferSelect;

/**
 * An invitation to set a password: a colleague added by a supplier gets a login that stays off
 * until they open the e-mailed link. Only the token's SHA-256 is kept, so the table (or a backup)
 * cannot be used to take over an invited account; one use, and it expires.
 */
export const userInvitations = pgTable(
  "user_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_invitations_token_key").on(t.tokenHash), index("user_invitations_user_idx").on(t.userId)],
);
