'use client';
import { useEffect, useState } from 'react';

// Shown when a page fails. Never the error's message or stack (they may name
// SQL, tables or internal paths): only a reference that matches the server log.
// Its few words are here in both languages (as in the catalog's "errors"), so
// that no page has to send the translation runtime just for this boundary;
// the language is the page's own (<html lang>).
const TEXT = {
  en: {
    title: 'Something went wrong',
    body:
      'The page could not be shown. Try again in a moment; if it keeps happening, ' +
      'tell your administrator the reference below.',
    reference: 'Reference:',
    tryAgain: 'Try again',
    home: 'Go to the home page',
  },
  ja: {
    title: '問題が発生しました',
    body: 'ページを表示できませんでした。しばらくしてから、もう一度お試しください。繰り返し発生する場合は、下の参照番号を管理者に伝えてください。',
    reference: '参照番号:',
    tryAgain: '再試行',
    home: 'ホームへ',
  },
} as const;

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [lang, setLang] = useState<keyof typeof TEXT>('en');
  useEffect(() => {
    if (document.documentElement.lang === 'ja') setLang('ja');
  }, []);
  const t = TEXT[lang];
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-4 text-2xl font-semibold">{t.title}</h1>
      <p className="mb-4">{t.body}</p>
      {error.digest ? (
        <p className="mb-6 text-sm text-slate-600">
          {t.reference} {error.digest}
        </p>
      ) : null}
      <div className="flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 font-medium text-white">
          {t.tryAgain}
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load of Home after a failure;
            keeps next/link's code off routes without links */}
        <a href="/" className="self-center text-brand underline">
          {t.home}
        </a>
      </div>
    </main>
  );
}
