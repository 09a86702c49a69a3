import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

type Messages = { [key: string]: string | Messages };

/**
 * The message catalog for client components that translate (forms). Placed
 * around them rather than in the root layout, so pages without such a form
 * (the lists, Home) send no translation runtime to the browser; and with
 * `namespaces` ("partnerships" or a part of it, "partnerships.request"), only
 * the parts of the catalog those forms read are sent inside the page, not the
 * whole catalog.
 */
export async function IntlClient({ namespaces, children }: { namespaces?: string[]; children: React.ReactNode }) {
  if (!namespaces) return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  const all = (await getMessages()) as Messages;
  const messages: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split('.');
    const leaf = path.pop()!;
    let from: Messages | undefined = all;
    let to = messages;
    for (const key of path) {
      from = from?.[key] as Messages | undefined;
      to = (to[key] ??= {}) as Messages;
    }
    if (from && leaf in from) to[leaf] = from[leaf]!;
  }
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
