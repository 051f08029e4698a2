import { sessionCookie } from '../auth/session-store.js';

/** The session cookie's value in a Cookie header, or undefined. */
export function readSessionToken(cookieHeader: string | undefined, secure: boolean): string | undefined {
  const name = sessionCookie({ secure }).name;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * A Set-Cookie header for the session: HttpOnly, SameSite=Strict, Path=/; `__Host-sid` and Secure on
 * HTTPS. `token: null` clears it. No Max-Age: the server decides when a session ends, and the cookie
 * dies with the browser.
 */
export function sessionSetCookie(token: string | null, secure: boolean): string {
  const cookie = sessionCookie({ secure });
  const attributes = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  return token === null ? `${cookie.name}=; ${attributes}; Max-Age=0` : `${cookie.name}=${token}; ${attributes}`;
}
