import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import './globals.css';

// Every page depends on the session and the language cookie.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('app.name') };
}

// The browser paints nothing of a page until its last element (PAGE_END) is
// parsed: a page arrives whole (nothing on it waits for data after the first
// byte), but a browser may paint a partly parsed document, and the rest
// arriving would then move what was shown (a table's columns widening as rows
// come in, the header's right-hand group growing). `rel="expect"` holds the
// first paint until that element exists; browsers without it paint as before.
const PAGE_END = 'page-end';

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <head>
        <link rel="expect" href={`#${PAGE_END}`} blocking="render" />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {children}
        <div id={PAGE_END} hidden />
      </body>
    </html>
  );
}
