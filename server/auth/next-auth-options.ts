import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate, LoginRefused } from "../domain/auth/authenticate";
import { REMEMBER_ME_MS, revokeSession } from "../domain/auth/sessions";
import { ensureDatabaseReady } from "../db";
import { getEnv } from "../env";
import { clientIp } from "../http/client-ip";

const credentialsSchema = z.object({
  identifier: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
  otp: z.string().trim().max(10).optional(),
  remember: z.enum(["true", "false"]).default("false"),
});

/** The code the login page turns into a sentence: "<reason>:<retry-after seconds>". */
export function loginErrorCode(error: LoginRefused): string {
  return `${error.reason}:${error.retryAfterSeconds ?? ""}`;
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.authSecret,
    // The JWT only names a server-side session row; lifetime and revocation live in that row.
    session: { strategy: "jwt", maxAge: REMEMBER_ME_MS / 1000, updateAge: REMEMBER_ME_MS / 1000 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Login",
        credentials: {
          identifier: { type: "text" },
          password: { type: "password" },
          otp: { type: "text" },
          remember: { type: "text" },
        },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("invalid:");
          const input = parsed.data;
          const db = await ensureDatabaseReady();
          const headers = req.headers ?? {};
          try {
            const { user, session } = await authenticate(
              db,
              { identifier: input.identifier, password: input.password, otp: input.otp || undefined, remember: input.remember === "true" },
              {
                ip: clientIp(headers, env.trustProxy),
                userAgent: typeof headers["user-agent"] === "string" ? headers["user-agent"] : undefined,
                encryptionKeys: [env.encryptionKey],
              },
            );
            return { id: user.id, name: user.name, email: user.email, sid: session.id, remember: input.remember === "true" };
          } catch (error) {
            if (error instanceof LoginRefused) throw new Error(loginErrorCode(error));
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sid = user.sid;
          token.remember = user.remember;
        }
        return token;
      },
      session({ session }) {
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(await ensureDatabaseReady(), token.sid);
      },
    },
  };
}
