'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCtx } from '@/lib/auth/session';
import { endSessions } from '@/lib/users/end-sessions';

// next-auth's session cookie, plain or __Secure- (https), possibly chunked.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Sign out: a server action form in the header (no client script; Next checks
 * the request's origin), so next-auth's client library is not sent to every
 * page. Ends every session of the user (the session version) and clears the
 * cookie in this browser.
 */
export async function signOutAction() {
  const ctx = await getCtx();
  if (ctx) await endSessions(ctx.userId);
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (SESSION_COOKIE.test(name))
      jar.set(name, '', {
        maxAge: 0,
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: name.startsWith('__Secure-'),
      });
  }
  redirect('/sign-in');
}
