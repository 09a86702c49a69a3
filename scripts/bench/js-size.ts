// The compressed JavaScript each app route sends, read from the production
// build (Next 16's build no longer prints sizes): the root main files of
// .next/build-manifest.json plus every chunk the route's client reference
// manifest lists for its segments (layouts, error and not-found boundaries,
// the page), each file counted once per route, compressed as the portal's
// server sends it (Brotli at its best quality, the build's own copies:
// lib/http/static-brotli.ts) and, beside it, gzipped (level 9) as Next.js
// alone would send it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type RouteJs = { route: string; files: number; brotliBytes: number; gzipBytes: number; rawBytes: number };

const brotli = (bytes: Buffer) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  }).length;

function routeOf(entry: string): string {
  // "/(portal)/customers/[customerId]/page" → "/customers/[customerId]"
  const parts = entry.split('/').filter((p) => p && !/^\(.*\)$/.test(p) && !p.startsWith('@'));
  parts.pop(); // "page"
  return `/${parts.join('/')}`;
}

function findManifests(dir: string, out: string[]): void {
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, name.name);
    if (name.isDirectory()) findManifests(full, out);
    else if (name.name === 'page_client-reference-manifest.js') out.push(full);
  }
}

export function measureRouteJs(root: string): RouteJs[] {
  const next = path.join(root, '.next');
  const build = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const sizes = new Map<string, { brotli: number; gzip: number; raw: number }>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (!size) {
      const full = path.join(next, file);
      const bytes = existsSync(full) ? readFileSync(full) : Buffer.alloc(0);
      size = {
        brotli: bytes.length ? brotli(bytes) : 0,
        gzip: bytes.length ? gzipSync(bytes, { level: 9 }).length : 0,
        raw: bytes.length,
      };
      sizes.set(file, size);
    }
    return size;
  };
  const manifests: string[] = [];
  findManifests(path.join(next, 'server', 'app'), manifests);
  const routes: RouteJs[] = [];
  for (const file of manifests) {
    const sandbox: {
      globalThis?: unknown;
      __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }>;
    } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, 'utf8'), sandbox);
    for (const [entry, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (entry.startsWith('/_')) continue; // Next's own /_not-found and /_global-error
      const files = new Set(build.rootMainFiles);
      for (const [segment, chunks] of Object.entries(manifest.entryJSFiles)) {
        if (segment.endsWith('/global-error')) continue; // loaded only when the root layout fails
        for (const chunk of chunks) files.add(chunk);
      }
      let brotliBytes = 0;
      let gzipBytes = 0;
      let rawBytes = 0;
      for (const f of files) {
        const s = sizeOf(f);
        brotliBytes += s.brotli;
        gzipBytes += s.gzip;
        rawBytes += s.raw;
      }
      routes.push({ route: routeOf(entry), files: files.size, brotliBytes, gzipBytes, rawBytes });
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}
