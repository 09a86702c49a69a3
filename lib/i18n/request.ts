import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALES, type Locale } from '@/lib/users/schemas';
import { CATALOGS } from './catalog';

export const LOCALE_COOKIE = 'NEXT_LOCALE';

function pick(value: string | undefined | null): Locale | null {
  const base = value?.slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

/** The user's choice (cookie), else the browser's first supported language, else English. */
export async function resolveLocale(): Promise<Locale> {
  const chosen = pick((await cookies()).get(LOCALE_COOKIE)?.value);
  if (chosen) return chosen;
  const accept = (await headers()).get('accept-language') ?? '';
  for (const part of accept.split(',')) {
    const found = pick(part.split(';')[0]?.trim());
    if (found) return found;
  }
  return 'en';
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: CATALOGS[locale], timeZone: 'UTC' };
});
