import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsBrotli, precompressStatic, staticBrotli } from './static-brotli';

// A build folder with two chunks and a style sheet, precompressed as the
// portal's build does, behind a real HTTP server; what the handler leaves
// alone is answered 418 (standing for Next.js).
let dir: string;
let server: Server;
let port: number;
const script = 'globalThis.answer = ' + JSON.stringify('forty-two '.repeat(500)) + ';\n';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pc-static-'));
  mkdirSync(path.join(dir, 'chunks'));
  writeFileSync(path.join(dir, 'chunks', 'abc.js'), script);
  writeFileSync(path.join(dir, 'chunks', 'site.css'), 'body { color: red; }\n'.repeat(50));
  writeFileSync(path.join(dir, 'chunks', 'font.woff2'), 'not text');
  writeFileSync(path.join(dir, 'outside.js.br'), 'secret');
  const handle = staticBrotli(dir);
  server = createServer((req, res) => {
    if (!handle(req, res)) {
      res.statusCode = 418;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request (fetch would decode the body and hide the encoding). */
function get(pathname: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('Accept-Encoding', () => {
  it('takes br when listed without q=0, in any case and position', () => {
    expect(acceptsBrotli('gzip, deflate, br')).toBe(true);
    expect(acceptsBrotli('BR;q=0.5')).toBe(true);
    expect(acceptsBrotli(['gzip', 'br'])).toBe(true);
    expect(acceptsBrotli('gzip, deflate')).toBe(false);
    expect(acceptsBrotli('br;q=0, gzip')).toBe(false);
    expect(acceptsBrotli('brotli, gzip')).toBe(false);
    expect(acceptsBrotli(undefined)).toBe(false);
  });
});

describe('the build files in Brotli', () => {
  it('the build step writes a copy of each script and style sheet, once', () => {
    expect(precompressStatic(dir)).toBe(2);
    expect(existsSync(path.join(dir, 'chunks', 'font.woff2.br'))).toBe(false);
    expect(brotliDecompressSync(readFileSync(path.join(dir, 'chunks', 'abc.js.br'))).toString()).toBe(script);
    expect(precompressStatic(dir)).toBe(0);
  });

  it('a browser that takes br gets the copy, with the headers Next.js gives a build file', async () => {
    const res = await get('/_next/static/chunks/abc.js?dpl=1', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('application/javascript; charset=UTF-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    const css = await get('/_next/static/chunks/site.css', { 'accept-encoding': 'br' });
    expect(css.headers['content-type']).toBe('text/css; charset=UTF-8');
  });

  it('answers a HEAD with the headers only, and a matching If-None-Match with 304', async () => {
    const head = await get('/_next/static/chunks/abc.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const etag = String(head.headers['etag']);
    const again = await get('/_next/static/chunks/abc.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('leaves to Next.js: no br, other methods and paths, files without a copy, paths outside the folder', async () => {
    const cases: [string, Record<string, string>, string?][] = [
      ['/_next/static/chunks/abc.js', { 'accept-encoding': 'gzip' }],
      ['/_next/static/chunks/abc.js', { 'accept-encoding': 'br' }, 'POST'],
      ['/customers', { 'accept-encoding': 'br' }],
      ['/_next/static/chunks/font.woff2', { 'accept-encoding': 'br' }],
      ['/_next/static/chunks/missing.js', { 'accept-encoding': 'br' }],
      ['/_next/static/chunks/%2e%2e/%2e%2e/outside.js', { 'accept-encoding': 'br' }],
      ['/_next/static/chunks/..%2f..%2foutside.js', { 'accept-encoding': 'br' }],
      ['/_next/static/chunks/%E0%A4%A.js', { 'accept-encoding': 'br' }],
    ];
    for (const [pathname, headers, method] of cases) {
      expect((await get(pathname, headers, method)).status, `${method ?? 'GET'} ${pathname}`).toBe(418);
    }
  });
});
