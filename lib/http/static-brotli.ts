// Next.js's build files (/_next/static/…) in Brotli for a browser that takes
// it. Next.js compresses only with gzip; the portal's build writes a Brotli
// copy of each script and style sheet beside it (`precompressStatic`, run after
// `next build`), and the portal's server sends that copy: 14 % fewer bytes of
// JavaScript on every page than gzip at its best level (decision 0052).
// Anything else (no copy, another encoding, another path) is left to Next.js.
import { createReadStream, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { BARE_POLICY, SECURITY_HEADERS } from './fixed-headers';

const PREFIX = '/_next/static/';
const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
};

/**
 * What Next.js sends with a build file besides its type and length: the
 * headers of next.config.ts (every answer's, and the `/_next/` policy) and its
 * static handler's immutable caching. tests/e2e/security/headers.spec.ts
 * compares both answers for the same file.
 */
const BUILD_FILE_HEADERS: Record<string, string> = {
  ...Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value])),
  'Content-Security-Policy': BARE_POLICY,
  'Cache-Control': 'public, max-age=31536000, immutable',
  Vary: 'Accept-Encoding',
};

/** Whether an Accept-Encoding header takes Brotli (`br`, not refused with `q=0`). */
export function acceptsBrotli(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name!.trim().toLowerCase() !== 'br') return false;
    const q = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

type Copy = { file: string; size: number; etag: string; type: string };

/**
 * A request handler for the build's Brotli copies under `staticDir`
 * (`.next/static`): answers and returns true, or returns false to leave the
 * request to Next.js.
 */
export function staticBrotli(staticDir: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const root = path.resolve(staticDir);
  // Build files never change under a running server (a new build is a new
  // start); only files found are kept, so unknown paths cannot grow this.
  const found = new Map<string, Copy>();

  const copyOf = (pathname: string): Copy | null => {
    const known = found.get(pathname);
    if (known) return known;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(PREFIX.length));
    } catch {
      return null;
    }
    const type = TYPES[path.extname(relative)];
    if (!type || relative.includes('\0') || relative.split(/[\\/]/).includes('..')) return null;
    const file = path.join(root, relative);
    if (!file.startsWith(root + path.sep)) return null;
    try {
      const stat = statSync(`${file}.br`);
      if (!stat.isFile()) return null;
      const copy = { file: `${file}.br`, size: stat.size, etag: `"br-${stat.size}-${Math.trunc(stat.mtimeMs)}"`, type };
      found.set(pathname, copy);
      return copy;
    } catch {
      return null;
    }
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    const pathname = url.split('?', 1)[0]!;
    if (!pathname.startsWith(PREFIX) || !acceptsBrotli(req.headers['accept-encoding'])) return false;
    const copy = copyOf(pathname);
    if (!copy) return false;
    for (const [name, value] of Object.entries(BUILD_FILE_HEADERS)) res.setHeader(name, value);
    res.setHeader('ETag', copy.etag);
    if (req.headers['if-none-match'] === copy.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    res.setHeader('Content-Type', copy.type);
    res.setHeader('Content-Encoding', 'br');
    res.setHeader('Content-Length', copy.size);
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    const stream = createReadStream(copy.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return true;
  };
}

/** Writes `<file>.br` beside each script and style sheet of the build that has none; returns how many it wrote. */
export function precompressStatic(staticDir: string): number {
  if (!existsSync(staticDir)) return 0;
  let written = 0;
  for (const entry of readdirSync(staticDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TYPES[path.extname(entry.name)]) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (existsSync(`${file}.br`)) continue;
    const bytes = readFileSync(file);
    const compressed = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
    // Written whole, then renamed: a second process starting at once never serves half a copy.
    const partial = `${file}.br.${process.pid}.partial`;
    writeFileSync(partial, compressed);
    renameSync(partial, `${file}.br`);
    written++;
  }
  return written;
}
