// The framework's floor (`npm run bench`): bench/bare, a bare Next.js app
// rendering the portal's 50 fixed Customers rows in a plain table, built for
// production with the portal's own node_modules (the same Next.js and React)
// and served by `next start`.
//
// It is built with webpack, as the portal is (decision 0055), in a copy under
// .data/bench-bare, so nothing of the portal's folder (its proxy.ts,
// instrumentation.ts, tsconfig) enters the bare app. The copy keeps the
// repository's layout (bench/bare, the floor's fixed data at
// app/(portal)/bench-floor/fixed-data.ts, the build's plugin at
// scripts/lib/client-entries.ts) so the imports resolve in both places, with
// node_modules as hard links to the portal's (made in a second, no space).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, type BenchServer } from './server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const COPY = path.join(ROOT, '.data', 'bench-bare');
const SOURCES = ['bench/bare', 'app/(portal)/bench-floor/fixed-data.ts', 'scripts/lib/client-entries.ts'];
/** The bare app's folder inside the copy (where `next build` and `next start` run). */
export const BARE_DIR = path.join(COPY, 'bench', 'bare');

function filesOf(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
    .filter((file) => !file.split(path.sep).includes('.next') && !file.endsWith('next-env.d.ts'));
}

/** What the build depends on: the sources and the installed Next.js and React. */
function stampOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(file).update(readFileSync(path.join(ROOT, file)));
  for (const pkg of ['next', 'react', 'react-dom']) {
    hash.update(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json')));
  }
  return hash.digest('hex');
}

/** Copies and builds the bare app when its sources or Next.js changed; returns its folder. */
export function buildBare(log: (line: string) => void): string {
  const files = SOURCES.flatMap(filesOf);
  const stamp = stampOf(files);
  const stampFile = path.join(COPY, 'build-stamp');
  if (existsSync(path.join(BARE_DIR, '.next', 'BUILD_ID')) && existsSync(stampFile)) {
    if (readFileSync(stampFile, 'utf8') === stamp) {
      log('  the bare Next.js page is built (bench/bare)');
      return BARE_DIR;
    }
  }
  const started = Date.now();
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(COPY, { recursive: true });
  for (const file of files) cpSync(path.join(ROOT, file), path.join(COPY, file));
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(COPY, 'node_modules')]);
  execFileSync(process.execPath, [path.join(COPY, 'node_modules/next/dist/bin/next'), 'build', '--webpack'], {
    cwd: BARE_DIR,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeFileSync(stampFile, stamp);
  log(`  built the bare Next.js page (bench/bare) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return BARE_DIR;
}

/** `next start` on the bare app, in its own process group like the portal's servers. */
export function startBare(port: number, logDir: string): Promise<BenchServer> {
  return startServer('bare', port, { NODE_ENV: 'production' }, logDir, {
    args: [path.join(COPY, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    cwd: BARE_DIR,
    ready: 'Ready in',
  });
}
