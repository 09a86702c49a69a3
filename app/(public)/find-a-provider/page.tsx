import { getTranslations } from 'next-intl/server';
import { findPublicProviders } from '@/lib/organizations/find-public-providers';
import { PageHeader } from '@/components/ui/page-header';

export default async function FindAProviderPage() {
  const t = await getTranslations('findProvider');
  const providers = await findPublicProviders();
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-6 max-w-3xl text-slate-700">{t('intro')}</p>
      {providers.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {providers.map((p) => (
          <li key={p.id} className="rounded border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">{p.legalName}</h2>
            <p className="text-sm text-slate-600">
              {t('mpnId')}: {p.mpnId} · {p.country}
            </p>
            {p.profile?.description ? <p className="mt-2 text-sm">{p.profile.description}</p> : null}
            {p.profile?.regionsServed.length ? (
              <p className="mt-2 text-sm">
                {t('regions')}: {p.profile.regionsServed.join(', ')}
              </p>
            ) : null}
            <p className="mt-2 text-sm">
              {[p.profile?.contactEmail, p.profile?.contactPhone, p.profile?.website ?? p.website]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
