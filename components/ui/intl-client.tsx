import { NextIntlClientProvider } from 'next-intl';

/**
 * The message catalog for client components that translate (forms). Placed
 * around them rather than in the root layout, so pages without such a form
 * (the lists, Home) send no translation runtime to the browser.
 */
export function IntlClient({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
