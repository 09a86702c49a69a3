import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import compile from 'icu-minify/compile';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '@/lib/i18n/catalog';
import { IntlProvider, useFormatter, useLocale, useTranslations, type Messages } from './intl';

// The build compiles every message (next.config.ts); here the same compiler
// turns the raw catalog into what the browser receives.
function compiled(node: unknown): Messages {
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? compile(v) : compiled(v),
    ]),
  );
}

function render(locale: 'en' | 'ja', messages: Messages, child: () => ReactNode): string {
  const Child = () => child();
  return renderToStaticMarkup(h(IntlProvider, { locale, timeZone: 'UTC', messages, children: h(Child) }));
}

const sample = compiled({
  ns: {
    plain: 'Customers',
    count: '{count, plural, =0 {No lines} one {# line} other {# lines}}',
    hello: 'Hello {name}',
    when: 'On {date, date}, {total, number} rows',
  },
});

describe('the client translation hooks', () => {
  it('format plain, plural and argument messages under a namespace', () => {
    const out = render('en', sample, () => {
      const t = useTranslations('ns');
      return [t('plain'), t('count', { count: 0 }), t('count', { count: 1 }), t('count', { count: 3 })].join('|');
    });
    expect(out).toBe('Customers|No lines|1 line|3 lines');
    expect(render('en', sample, () => useTranslations()('ns.hello', { name: 'Bea' }))).toBe('Hello Bea');
  });

  it('format dates in UTC and numbers in the page language', () => {
    const date = new Date('2026-01-31T23:30:00Z');
    expect(render('en', sample, () => useTranslations('ns')('when', { date, total: 12345 }))).toBe(
      'On 1/31/2026, 12,345 rows',
    );
    const out = render('ja', sample, () => {
      const format = useFormatter();
      const price = format.number(1234.5, { style: 'currency', currency: 'USD' });
      return `${price} ${format.dateTime(date, { dateStyle: 'medium' })} ${useLocale()}`;
    });
    expect(out).toBe('$1,234.50 2026/01/31 ja');
  });

  it('show a missing message as its key and say which keys exist', () => {
    const out = render('en', sample, () => {
      const t = useTranslations('ns');
      return `${t('absent')} ${t.has('plain')} ${t.has('absent')} ${useTranslations().has('ns')}`;
    });
    expect(out).toBe('ns.absent true false false');
  });

  it('need no named date or number styles: the catalog uses none', () => {
    const text = JSON.stringify(CATALOGS);
    expect(text).toMatch(/\{\w+, number\}/);
    expect(text).not.toMatch(/\{\w+, (date|time|number), /);
  });

  it('refuse to render outside the provider', () => {
    const Child = () => useTranslations('ns')('plain');
    expect(() => renderToStaticMarkup(h(Child))).toThrow(/outside IntlClient/);
  });

  it("give next-intl's text for every message of the catalog that takes no argument", () => {
    for (const locale of ['en', 'ja'] as const) {
      const raw = CATALOGS[locale];
      const reference = createTranslator({ locale, messages: raw });
      const keys: string[] = [];
      const walk = (node: Record<string, unknown>, prefix: string) => {
        for (const [k, v] of Object.entries(node)) {
          if (typeof v === 'string') {
            if (!v.includes('{') && !v.includes('<') && !v.includes("'")) keys.push(prefix + k);
          } else walk(v as Record<string, unknown>, `${prefix}${k}.`);
        }
      };
      walk(raw, '');
      expect(keys.length).toBeGreaterThan(100);
      const ours = render(locale, compiled(raw), () => {
        const t = useTranslations();
        return keys.map((k) => t(k)).join('\n');
      });
      expect(ours).toBe(
        renderToStaticMarkup(h('x', null, keys.map((k) => reference(k as never)).join('\n'))).slice(3, -4),
      );
    }
  });
});
