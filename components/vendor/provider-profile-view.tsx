import { getLocale, getTranslations } from 'next-intl/server';

type Props = {
  org: {
    legalName: string;
    mpnId: string | null;
    country: string;
    website: string | null;
    profile: {
      description: string;
      regionsServed: string[];
      contactEmail: string | null;
      contactPhone: string | null;
      website: string | null;
    } | null;
  };
};

/** A provider's public profile as text: what Find a provider lists. Read-only. */
export async function ProviderProfileView({ org }: Props) {
  const [t, locale] = await Promise.all([getTranslations('profile'), getLocale()]);
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(org.country) ?? org.country;
  const none = <span className="text-slate-500">{t('notSet')}</span>;
  const rows: [string, React.ReactNode][] = [
    [t('legalName'), org.legalName],
    [t('mpnId'), org.mpnId],
    [t('country'), country],
    [
      t('description'),
      org.profile?.description ? <span className="whitespace-pre-line">{org.profile.description}</span> : none,
    ],
    [t('regionsServed'), org.profile?.regionsServed.length ? org.profile.regionsServed.join(', ') : none],
    [t('contactEmail'), org.profile?.contactEmail ?? none],
    [t('contactPhone'), org.profile?.contactPhone ?? none],
    [t('website'), org.profile?.website ?? org.website ?? none],
  ];
  return (
    <dl
      className={
        'grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 rounded ' +
        'border border-slate-200 bg-white p-4 sm:grid-cols-[12rem_1fr]'
      }
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-medium text-slate-600">{label}</dt>
          <dd className="text-sm">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
