'use client';

// Shown when even the root layout fails, so without the message catalogs:
// both languages, and never the error's message or stack.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '36rem', margin: '4rem auto', padding: '0 1rem' }}>
        <h1>Something went wrong / 問題が発生しました</h1>
        <p>
          The page could not be shown. Try again in a moment. /
          ページを表示できませんでした。しばらくしてから、もう一度お試しください。
        </p>
        {error.digest ? <p>Reference / 参照番号: {error.digest}</p> : null}
        <button type="button" onClick={reset}>
          Try again / 再試行
        </button>
      </body>
    </html>
  );
}
