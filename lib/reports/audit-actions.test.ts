import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '@/lib/i18n/catalog';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from './audit-actions';

// Every action and target type the domain records must be one the audit log
// can filter on and label in both languages; found by reading lib/ itself.
const LIB = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(full);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

const code = [...sources(LIB), path.resolve(LIB, '../prisma/demo-data.ts')]
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const literals = (re: RegExp) =>
  [...new Set([...code.matchAll(re)].flatMap((m) => m.slice(1).filter(Boolean) as string[]))].sort();
const recordedActions = literals(/action: (?:[^,'\n]*\? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g).concat(
  literals(/audit\(\s*'([a-z_]+\.[a-z_]+)'/g),
);
const recordedTargets = literals(/targetType: '([a-zA-Z]+)'/g).filter((t) => t !== 'targetType');

function has(catalog: object, dotted: string): boolean {
  return (
    typeof dotted
      .split('.')
      .reduce<unknown>(
        (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
        catalog,
      ) === 'string'
  );
}

describe('audit log vocabulary', () => {
  it('finds the recorded actions in the sources', () => {
    expect(recordedActions.length).toBeGreaterThan(25);
    expect(recordedActions).toContain('subscription.upgraded');
  });

  it('knows every recorded action and labels it in en and ja', () => {
    expect(recordedActions.filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
    for (const locale of ['en', 'ja'] as const) {
      expect(AUDIT_ACTIONS.filter((a) => !has(CATALOGS[locale], `auditActions.${a}`))).toEqual([]);
    }
  });

  it('knows every recorded target type and labels it in en and ja', () => {
    expect(recordedTargets.filter((t) => !(AUDIT_TARGET_TYPES as readonly string[]).includes(t))).toEqual([]);
    for (const locale of ['en', 'ja'] as const) {
      expect(AUDIT_TARGET_TYPES.filter((t) => !has(CATALOGS[locale], `auditLog.targetTypes.${t}`))).toEqual([]);
    }
  });
});
