import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalog';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** The message at a dotted key. */
const at = (catalog: object, key: string) =>
  key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], catalog) as string;

/** The ICU arguments a message uses (`{name}`, `{name, select, …}`), sorted. */
const argumentsOf = (message: string) =>
  [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('message catalogs', () => {
  it('English and Japanese have the same keys', () => {
    expect(keys(CATALOGS.ja).sort()).toEqual(keys(CATALOGS.en).sort());
  });

  it('hold the emails (lib/email/templates.ts) in both languages, with the same placeholders', () => {
    const emailKeys = keys(CATALOGS.en).filter((k) => k.startsWith('emails.'));
    expect(emailKeys).toContain('emails.customerWelcome.text');
    expect(keys(CATALOGS.ja).filter((k) => k.startsWith('emails.'))).toEqual(emailKeys);
    for (const key of emailKeys) {
      expect(argumentsOf(at(CATALOGS.ja, key)), key).toEqual(argumentsOf(at(CATALOGS.en, key)));
    }
  });

  it('use the labels of SPEC §4', () => {
    expect(CATALOGS.en.nav.indirectResellers).toBe('Indirect resellers');
    expect(CATALOGS.ja.nav.indirectResellers).toBe('間接リセラー');
    expect(CATALOGS.ja.nav.customers).toBe('顧客');
    expect(CATALOGS.ja.app.name).toBe('パートナー センター');
  });
});
