import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalog';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogs', () => {
  it('English and Japanese have the same keys', () => {
    expect(keys(CATALOGS.ja).sort()).toEqual(keys(CATALOGS.en).sort());
  });

  it('use the labels of SPEC §4', () => {
    expect(CATALOGS.en.nav.indirectResellers).toBe('Indirect resellers');
    expect(CATALOGS.ja.nav.indirectResellers).toBe('間接リセラー');
    expect(CATALOGS.ja.nav.customers).toBe('顧客');
    expect(CATALOGS.ja.app.name).toBe('パートナー センター');
  });
});
