'use client';
import { createContext, useContext, useMemo } from 'react';
import format, { type CompiledMessage } from 'icu-minify/format';

// The translation hooks of the portal's client components (forms), on the
// messages compiled at build time (next.config.ts): the same lookup and ICU
// formatting as next-intl's hooks (icu-minify, the formatter next-intl
// itself uses for compiled messages; the catalog names no date or number
// styles), with none of next-intl's client runtime in the browser
// (decision 0054). Server components keep next-intl's `getTranslations`.

/** A part of the catalog: compiled messages (a string or an array), by key. */
export type Messages = { [key: string]: unknown };
type Values = Record<string, string | number | Date>;
type IntlValue = { locale: string; messages: Messages; timeZone: string };

const IntlContext = createContext<IntlValue | null>(null);

/** Placed by `IntlClient` (components/ui/intl-client.tsx) around the forms that translate. */
export function IntlProvider({ children, ...value }: IntlValue & { children: React.ReactNode }) {
  const { locale, messages, timeZone } = value;
  const memo = useMemo(() => ({ locale, messages, timeZone }), [locale, messages, timeZone]);
  return <IntlContext.Provider value={memo}>{children}</IntlContext.Provider>;
}

function useIntl(): IntlValue {
  const value = useContext(IntlContext);
  if (!value) throw new Error('A translating component is rendered outside IntlClient');
  return value;
}

// Intl formatters are costly to make: one per language and options, for the process or the page.
const made = new Map<string, unknown>();
function once<T>(kind: string, args: unknown[], make: () => T): T {
  const key = `${kind}${JSON.stringify(args)}`;
  let found = made.get(key) as T | undefined;
  if (!found) made.set(key, (found = make()));
  return found;
}
const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) =>
    once('d', args, () => new Intl.DateTimeFormat(...args)),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) =>
    once('n', args, () => new Intl.NumberFormat(...args)),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) =>
    once('p', args, () => new Intl.PluralRules(...args)),
};

function find(messages: Messages, path: string): unknown {
  let node: unknown = messages;
  for (const part of path.split('.')) {
    node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Messages)[part] : undefined;
  }
  return node;
}

const isMessage = (node: unknown) => typeof node === 'string' || Array.isArray(node);

/** `t(key, values)` and `t.has(key)` under a namespace; a missing message shows its key, as next-intl does. */
export function useTranslations(namespace?: string) {
  const { locale, messages, timeZone } = useIntl();
  return useMemo(() => {
    const path = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const t = (key: string, values?: Values): string => {
      const message = find(messages, path(key));
      if (!isMessage(message)) return path(key);
      return String(format(message as CompiledMessage, locale, values, { formatters, timeZone }));
    };
    t.has = (key: string) => isMessage(find(messages, path(key)));
    return t;
  }, [locale, messages, timeZone, namespace]);
}

/** Numbers and dates in the page's language (dates in UTC, as on the server). */
export function useFormatter() {
  const { locale, timeZone } = useIntl();
  return useMemo(
    () => ({
      number: (value: number, options?: Intl.NumberFormatOptions) =>
        formatters.getNumberFormat(locale, options).format(value),
      dateTime: (value: Date, options?: Intl.DateTimeFormatOptions) =>
        formatters.getDateTimeFormat(locale, { timeZone, ...options }).format(value),
    }),
    [locale, timeZone],
  );
}

export function useLocale(): string {
  return useIntl().locale;
}
