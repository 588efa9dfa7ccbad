/**
 * Cookie settings. Every cookie of the portal is HttpOnly and SameSite=Lax (Strict for the staff sign-in
 * step), and Secure as soon as the portal's address is https. Auth.js would decide "Secure" from each
 * request's protocol; it is pinned to APP_URL here so that the cookie's name (the "__Secure-" prefix) is
 * the one proxy.ts and lib/franceconnect/logout.ts expect.
 */
export const isHttpsApp = (appUrl: string) => appUrl.startsWith("https://");

export function sessionCookieSettings(appUrl: string) {
  const secure = isHttpsApp(appUrl);
  return {
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: `${secure ? "__Secure-" : ""}authjs.session-token`,
        options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
      },
    },
  };
}
