import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SOURCES } from '@/scripts/lib/build';

// `npm start` rebuilds when a source of the build changed: every top-level
// folder the app imports from must be in that list, or a change to it would
// be served stale (a new layer added to the map, for one).
const ROOT = path.resolve(import.meta.dirname, '../..');
const NOT_BUILT = new Set(['tests', 'scripts', 'bench', 'docs', 'prisma', 'node_modules', '.next', '.data', 'public']);

it('fingerprints every folder the app imports from', () => {
  const imported = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'generated') walk(full);
      } else if (/\.tsx?$/.test(entry.name)) {
        for (const m of readFileSync(full, 'utf8').matchAll(/from '@\/([^/']+)/g)) imported.add(m[1]!);
      }
    }
  };
  for (const dir of ['app', 'components', 'actions', 'lib']) walk(path.join(ROOT, dir));
  const folders = [...imported].filter((name) => !NOT_BUILT.has(name) && !name.includes('.'));
  expect(folders.length).toBeGreaterThanOrEqual(3);
  expect(folders.filter((name) => !SOURCES.includes(name))).toEqual([]);
});
