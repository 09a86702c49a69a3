import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { setLocaleInput, type Locale } from './schemas';

/** Remembers a signed-in user's language (the cookie remembers it per browser). */
export async function setLocale(ctx: Ctx | null, raw: { locale: string }): Promise<Locale | null> {
  const parsed = setLocaleInput.safeParse(raw);
  if (!parsed.success) return null;
  const { locale } = parsed.data;
  if (ctx) await db().user.update({ where: { id: ctx.userId }, data: { locale } });
  return locale;
}
