import { getLocale, getMessages, getTimeZone } from 'next-intl/server';
import { IntlProvider, type Messages } from './intl';

/**
 * The message catalog for client components that translate (forms), with
 * the portal's own hooks (components/ui/intl.tsx). Placed around them
 * rather than in the root layout, so pages without such a form (the lists,
 * Home) send no translations to the browser; and with `namespaces`
 * ("partnerships" or a part of it, "partnerships.request"), only the parts
 * of the catalog those forms read are sent inside the page, not the whole
 * catalog.
 */
export async function IntlClient({ namespaces, children }: { namespaces?: string[]; children: React.ReactNode }) {
  const [locale, timeZone, all] = await Promise.all([getLocale(), getTimeZone(), getMessages() as Promise<Messages>]);
  let messages: Messages = all;
  if (namespaces) {
    messages = {};
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
  }
  return (
    <IntlProvider locale={locale} timeZone={timeZone} messages={messages}>
      {children}
    </IntlProvider>
  );
}
