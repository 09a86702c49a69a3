import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-4 text-2xl font-semibold">{t('title')}</h1>
      <p className="mb-6">{t('body')}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- keeps next/link's code off routes
          without links */}
      <a href="/" className="lnk">
        {t('home')}
      </a>
    </main>
  );
}
