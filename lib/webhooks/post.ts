import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './ssrf';

/** A delivery's request ends after this long, whatever the receiver does. */
export const TIMEOUT_MS = 10_000;
/** The part of a receiver's answer kept in the delivery log. */
export const MAX_RESPONSE_BYTES = 1024;

export type PostResult = { status: number | null; body: string; durationMs: number; error: string | null };

/**
 * POSTs the body to the URL, connecting to `address` (already checked, ssrf.ts)
 * whatever DNS says by now: the request's `lookup` answers it. Redirects are
 * not followed (a 3xx is a failure of the caller's choosing), at most 1 KB of
 * the answer is read, and the whole exchange is cut after the timeout.
 */
export function postJson(
  url: URL,
  address: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs = TIMEOUT_MS,
): Promise<PostResult> {
  const started = performance.now();
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  return new Promise((resolve) => {
    let settled = false;
    const done = (status: number | null, chunks: Buffer[], error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
      resolve({ status, body: text, durationMs: Math.round(performance.now() - started), error });
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      lookup,
      agent: false,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'PartnerCenter-Webhooks/1',
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      done(null, [], `timeout after ${timeoutMs} ms`);
    }, timeoutMs);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => done(response.statusCode ?? null, chunks, null);
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        // Enough kept: the rest is not read.
        if (size >= MAX_RESPONSE_BYTES) {
          finish();
          response.destroy();
          request.destroy();
        }
      });
      response.on('end', finish);
      response.on('error', finish);
      response.on('close', finish);
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      done(null, [], `${error.code ?? 'error'}: ${error.message}`.slice(0, 300)),
    );
    request.end(body);
  });
}
