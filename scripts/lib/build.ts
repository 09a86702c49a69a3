// Builds the production bundle when it is missing or older than the sources,
// so `npm start` serves what is checked out without rebuilding every time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { precompressStatic } from '../../lib/http/static-brotli';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What the production build is made from: a change to any of these rebuilds it. */
export const SOURCES = [
  'actions',
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'scripts/lib/client-entries.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
  'prisma/schema.prisma',
];
const SKIP = new Set(['node_modules', '.next', 'generated']);
const STAMP = path.join(ROOT, '.next', 'source-fingerprint');

function walk(entry: string, out: string[]) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const name of readdirSync(entry)) if (!SKIP.has(name)) walk(path.join(entry, name), out);
  } else {
    out.push(`${path.relative(ROOT, entry)}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(path.join(ROOT, source), files);
  return createHash('sha256').update(files.sort().join('\n')).digest('hex');
}

export function buildIfNeeded(env: NodeJS.ProcessEnv = process.env): void {
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(path.join(ROOT, '.next', 'BUILD_ID')) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8') === fingerprint;
  if (!built) build(env, fingerprint);
  // Brotli copies of the build's scripts and style sheets, served by the portal's server (decision 0052).
  precompressStatic(path.join(ROOT, '.next', 'static'));
}

function build(env: NodeJS.ProcessEnv, fingerprint: string): void {
  console.log('Building the portal (next build --webpack)…');
  // webpack, not Turbopack: every page sends 5 kB less of Next's own scripts (decision 0055).
  const next = path.join(ROOT, 'node_modules/next/dist/bin/next');
  const result = spawnSync(process.execPath, [next, 'build', '--webpack'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next build failed');
  writeFileSync(STAMP, fingerprint);
}
