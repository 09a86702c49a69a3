'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

// Shown when a page fails. Never the error's message or stack (they may name
// SQL, tables or internal paths): only a reference that matches the server log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-4 text-2xl font-semibold">{t('unexpectedTitle')}</h1>
      <p className="mb-4">{t('unexpected')}</p>
      {error.digest ? <p className="mb-6 text-sm text-slate-600">{t('reference', { digest: error.digest })}</p> : null}
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-medium text-white">{t('tryAgain')}</button>
        <Link href="/" className="self-center text-brand underline">{t('home')}</Link>
      </div>
    </main>
  );
}
