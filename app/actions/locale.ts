'use server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getCtx } from '@/lib/auth/session';
import { LOCALE_COOKIE } from '@/lib/i18n/request';
import { setLocale } from '@/lib/users/set-locale';

/** The language switch: a cookie for this browser, the user's setting when signed in. */
export async function switchLanguage(formData: FormData) {
  const locale = await setLocale(await getCtx(), { locale: String(formData.get('locale') ?? '') });
  if (!locale) return; // not a language we ship: nothing changes
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  revalidatePath('/', 'layout');
}
