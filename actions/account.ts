'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE } from '@/lib/i18n/request';
import { defineAction, definePublicAction } from '@/lib/pipeline/define-action';
import { LIMITS } from '@/lib/rate-limit/limiter';
import { changePassword } from '@/lib/users/change-password';
import { endSessions } from '@/lib/users/end-sessions';
import { setLocale } from '@/lib/users/set-locale';
import { changePasswordInput } from '@/lib/users/schemas';

export const changePasswordAction = defineAction({
  permission: 'account.self',
  input: changePasswordInput,
  allowBeforePasswordChange: true,
  // A first sign-in with a temporary password in an organisation that
  // requires a second factor: the password comes first, then enrolment.
  allowDuringMfaEnrolment: true,
  run: changePassword,
});

/** The language switch: a cookie for this browser, the user's setting when signed in. */
export const switchLanguage = definePublicAction({
  rateLimit: LIMITS.publicAddress,
  run: async (ctx, fields) => {
    const locale = await setLocale(ctx, { locale: typeof fields.locale === 'string' ? fields.locale : '' });
    if (!locale) return null; // not a language we ship: nothing changes
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
    revalidatePath('/', 'layout');
    return locale;
  },
});

// next-auth's session cookie, plain or __Secure- (https), possibly chunked.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Sign out: a server action form in the header (no client script), so
 * next-auth's client library is not sent to every page. Ends every session
 * of the user (the session version) and clears the cookie in this browser.
 * Never rate limited: ending a session must not be refused.
 */
export const signOutAction = definePublicAction({
  rateLimit: 'none',
  run: async (ctx) => {
    if (ctx) await endSessions(ctx.userId);
    const jar = await cookies();
    for (const { name } of jar.getAll()) {
      if (!SESSION_COOKIE.test(name)) continue;
      jar.set(name, '', {
        maxAge: 0,
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: name.startsWith('__Secure-'),
      });
    }
    redirect('/sign-in');
  },
});
