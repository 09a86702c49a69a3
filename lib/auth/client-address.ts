import 'server-only';
import { headers } from 'next/headers';
import { readEnv } from '@/lib/env/schema';

// The client's network address, for per-address rate limits.
// scripts/lib/serve.ts writes the socket's address into `x-pc-client-address`
// on every request (replacing whatever the client sent). Behind a reverse
// proxy every request comes from the proxy, so TRUST_PROXY=<number of proxies>
// makes the address come from X-Forwarded-For instead: the entry the
// outermost trusted proxy appended (entries further left are the client's
// own claims and are ignored).

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Read per call: a test turns TRUST_PROXY on and off at run time. */
export function trustedProxyHops(): number {
  return readEnv('TRUST_PROXY');
}

export function clientAddressFrom(source: HeaderSource): string {
  const hops = trustedProxyHops();
  if (hops > 0) {
    const forwarded = (read(source, 'x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = forwarded[forwarded.length - hops];
    if (entry) return entry.slice(0, 64);
  }
  return (read(source, 'x-pc-client-address') ?? 'unknown').slice(0, 64);
}

/** In server components and actions. */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}
