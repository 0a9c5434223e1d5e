import { decode } from "next-auth/jwt";
import { SESSION_COOKIE_NAMES } from "./session-cookie-names";

/**
 * next-auth gives every session cookie the same max age. Without "remember me" the login must
 * end with the browser, so the expiry is taken off that cookie: a session cookie the browser
 * drops on close. The server-side row still ends it after inactivity.
 */
export async function withBrowserSessionCookie(response: Response, secret: string): Promise<Response> {
  const setCookies = response.headers.getSetCookie();
  if (!setCookies.some((c) => SESSION_COOKIE_NAMES.some((name) => c.startsWith(`${name}=`)))) return response;

  const rewritten = await Promise.all(
    setCookies.map(async (cookie) => {
      const name = SESSION_COOKIE_NAMES.find((n) => cookie.startsWith(`${n}=`));
      if (!name) return cookie;
      const value = cookie.slice(name.length + 1).split(";")[0] ?? "";
      if (!value) return cookie; // sign-out clears the cookie: leave its expiry in the past
      const token = await decode({ token: value, secret }).catch(() => null);
      if (!token || token.remember !== false) return cookie;
      return cookie
        .split(";")
        .filter((part) => !/^\s*(expires|max-age)=/i.test(part))
        .join(";");
    }),
  );
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of rewritten) headers.append("set-cookie", cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
