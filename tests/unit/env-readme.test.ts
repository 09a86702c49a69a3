import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '@/lib/env/schema';

// README "Configuration" lists every setting of lib/env/schema.ts, and only those.
const README = path.resolve(import.meta.dirname, '../../README.md');

function configurationTable(): string[] {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf('\n## Configuration\n');
  expect(start, 'README has a "## Configuration" section').toBeGreaterThanOrEqual(0);
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next === -1 ? undefined : next);
  return [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
}

describe('README configuration table', () => {
  it('names each variable of the schema once, and nothing else', () => {
    const documented = configurationTable();
    const inSchema = Object.keys(envSchema.shape);
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
    expect(
      inSchema.filter((name) => !documented.includes(name)),
      'in the schema, missing from README',
    ).toEqual([]);
    expect(
      documented.filter((name) => !inSchema.includes(name)),
      'in README, not in the schema',
    ).toEqual([]);
  });
});
