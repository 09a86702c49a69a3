import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

/**
 * The message catalog for client components that translate (forms). Placed
 * around them rather than in the root layout, so pages without such a form
 * (the lists, Home) send no translation runtime to the browser; and with
 * `namespaces`, only the parts of the catalog those forms read are sent
 * inside the page, not the whole catalog.
 */
export async function IntlClient({ namespaces, children }: { namespaces?: string[]; children: React.ReactNode }) {
  if (!namespaces) return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  const all = (await getMessages()) as Record<string, unknown>;
  const messages = Object.fromEntries(namespaces.filter((n) => n in all).map((n) => [n, all[n]]));
  return <NextIntlClientProvider messages={messages as typeof all}>{children}</NextIntlClientProvider>;
}
