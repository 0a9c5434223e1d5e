import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sessionFromToken, SESSION_COOKIE_NAMES } from "@/server/auth/session";
import { ensureDatabaseReady } from "@/server/db";
import { getEnv } from "@/server/env";
import { clientIp } from "@/server/http/client-ip";
import { appRouter } from "@/server/trpc/root";
import { cookies } from "next/headers";

/** Who may call what is stated per procedure (server/trpc/init.ts); this handler only builds the context. */
function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      const env = getEnv();
      const store = await cookies();
      const raw = SESSION_COOKIE_NAMES.map((name) => store.get(name)?.value).find(Boolean);
      return {
        db: await ensureDatabaseReady(),
        session: await sessionFromToken(raw),
        ip: clientIp(req.headers, env.trustProxy),
        encryptionKey: env.encryptionKey,
      };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
