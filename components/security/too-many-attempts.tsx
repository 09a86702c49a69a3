import { getTranslations } from 'next-intl/server';

/** What a rate-limited page shows instead of its content. */
export async function TooManyAttempts({ minutes }: { minutes: number }) {
  const t = await getTranslations('errors');
  return (
    <main className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="mb-4 text-2xl font-semibold">{t('tooManyAttemptsTitle')}</h1>
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-4">
        {t('tooManyAttempts', { minutes })}
      </p>
    </main>
  );
}
