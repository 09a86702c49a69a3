import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { COUNTRY_CODES } from '@/lib/organizations/schemas';
import { EnrolForm } from './enrol-form';
import { IntlClient } from '@/components/ui/intl-client';

export default async function EnrolPage() {
  // Signed-in users already belong to an organisation.
  if (await getCtx()) redirect('/');
  const [t, locale] = await Promise.all([getTranslations('enrol'), getLocale()]);
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const countries = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-semibold">{t('title')}</h1>
      <p className="mb-6 text-slate-700">{t('intro')}</p>
      <IntlClient namespaces={['enrol']}>
        <EnrolForm countries={countries} />
      </IntlClient>
    </div>
  );
}
