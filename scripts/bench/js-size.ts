// The compressed JavaScript each app route sends, read from the production
// build (Next 16's build no longer prints sizes). The build is webpack's
// (decision 0055); its browser entry points and their files are written to
// .next/client-entries.json by scripts/lib/client-entries.ts. A route sends
// the root's main-app files and the files of every entry on its path: the
// root's and each segment's layout, error, not-found and global-error
// boundaries, and the page, each file counted once per route. Sizes are as
// the portal's server sends them (Brotli at its best quality, the build's own
// copies: lib/http/static-brotli.ts) and, beside them, gzipped (level 9) as
// Next.js alone would send them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { CLIENT_ENTRIES_FILE } from '../lib/client-entries';

export type RouteJs = { route: string; files: number; brotliBytes: number; gzipBytes: number; rawBytes: number };

const brotli = (bytes: Buffer) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  }).length;

/** "app/(portal)/customers/[customerId]/page" → "/customers/[customerId]" */
export function routeOf(entry: string): string {
  const parts = entry.split('/').filter((p) => p && !/^\(.*\)$/.test(p) && !p.startsWith('@'));
  parts.shift(); // "app"
  parts.pop(); // "page"
  return `/${parts.join('/')}`;
}

const BOUNDARIES = ['layout', 'error', 'not-found', 'global-error'];

/** The entries a page's route loads: main-app, then each segment's boundaries from the root down, then the page. */
export function entriesOf(page: string, entries: Record<string, unknown>): string[] {
  const segments = page.split('/').slice(0, -1); // ["app", "(portal)", "customers", "new"]
  const out = ['main-app'];
  for (let i = 1; i <= segments.length; i++) {
    const dir = segments.slice(0, i).join('/');
    for (const name of BOUNDARIES) if (Object.hasOwn(entries, `${dir}/${name}`)) out.push(`${dir}/${name}`);
  }
  out.push(page);
  return out;
}

export function measureRouteJs(root: string): RouteJs[] {
  const next = path.join(root, '.next');
  const file = path.join(next, CLIENT_ENTRIES_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: build with \`next build --webpack\` (decision 0055)`);
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;
  const sizes = new Map<string, { brotli: number; gzip: number; raw: number }>();
  const sizeOf = (chunk: string) => {
    let size = sizes.get(chunk);
    if (!size) {
      const bytes = readFileSync(path.join(next, chunk));
      size = { brotli: brotli(bytes), gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
      sizes.set(chunk, size);
    }
    return size;
  };
  const routes: RouteJs[] = [];
  for (const page of Object.keys(entries)) {
    // App pages only: not Next's own /_not-found and /_global-error, not route handlers.
    if (!page.startsWith('app/') || !page.endsWith('/page') || page.startsWith('app/_')) continue;
    const files = new Set(entriesOf(page, entries).flatMap((entry) => entries[entry] ?? []));
    let brotliBytes = 0;
    let gzipBytes = 0;
    let rawBytes = 0;
    for (const chunk of files) {
      const s = sizeOf(chunk);
      brotliBytes += s.brotli;
      gzipBytes += s.gzip;
      rawBytes += s.raw;
    }
    routes.push({ route: routeOf(page), files: files.size, brotliBytes, gzipBytes, rawBytes });
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}
