import { getLocale, getTranslations } from 'next-intl/server';
import './globals.css';

// Every page depends on the session and the language cookie.
export const dynamic = 'force-dynamic';

// The browser paints nothing of a page until its last element (PAGE_END) is
// parsed: a page arrives whole (nothing on it waits for data after the first
// byte), but a browser may paint a partly parsed document, and the rest
// arriving would then move what was shown (a table's columns widening as rows
// come in, the header's right-hand group growing). `rel="expect"` holds the
// first paint until that element exists; browsers without it paint as before.
const PAGE_END = 'page-end';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('app')]);
  return (
    <html lang={locale}>
      <head>
        {/* The title in the layout itself: Next's metadata resolution (generateMetadata) costs every page more. */}
        <title>{t('name')}</title>
        <link rel="expect" href={`#${PAGE_END}`} blocking="render" />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {children}
        <div id={PAGE_END} hidden />
      </body>
    </html>
  );
}
