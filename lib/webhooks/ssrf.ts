import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// SSRF guard of webhook endpoints (docs/decisions/0059-webhooks.md): an
// endpoint's host must resolve only to public addresses, checked when it is
// registered and again before every delivery, and the delivery connects to
// the address checked (deliver.ts passes it as the request's `lookup`).
// WEBHOOK_ALLOW_PRIVATE=1 (development and tests only) lets private and
// loopback addresses through; cloud metadata addresses never are.

export type AddressProblem =
  'metadata' | 'unspecified' | 'loopback' | 'private' | 'linkLocal' | 'cgnat' | 'multicast' | 'broadcast' | 'reserved';

const V4: [AddressProblem, string, number][] = [
  ['metadata', '169.254.169.254', 32],
  ['broadcast', '255.255.255.255', 32],
  ['unspecified', '0.0.0.0', 8],
  ['loopback', '127.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['private', '172.16.0.0', 12],
  ['private', '192.168.0.0', 16],
  ['linkLocal', '169.254.0.0', 16],
  ['cgnat', '100.64.0.0', 10],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '198.18.0.0', 15],
];
const V6: [AddressProblem, string, number][] = [
  ['metadata', 'fd00:ec2::254', 128],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['private', 'fc00::', 7],
  ['linkLocal', 'fe80::', 10],
  ['private', 'fec0::', 10],
  ['multicast', 'ff00::', 8],
  ['reserved', '::', 96],
  ['reserved', '100::', 64],
];

const lists = [...V4.map((r) => [...r, 'ipv4'] as const), ...V6.map((r) => [...r, 'ipv6'] as const)].map(
  ([problem, net, prefix, family]) => {
    const list = new BlockList();
    list.addSubnet(net, prefix, family);
    return { problem, list, family };
  },
);

/** The 32 bits of an IPv4 address carried in the last two groups of an IPv6 one (mapped, NAT64). */
function embeddedV4(ip: string): string | null {
  const m = /^(?:::ffff:(?:0:)?|64:ff9b::)(.+)$/i.exec(ip);
  if (!m) return null;
  const tail = m[1]!;
  if (isIP(tail) === 4) return tail;
  const groups = tail.split(':');
  if (groups.length !== 2 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const [hi, lo] = groups.map((g) => parseInt(g, 16)) as [number, number];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** What forbids this address as a webhook target, or null for a public address (or text that is no address). */
export function addressProblem(ip: string): AddressProblem | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return null;
  if (family === 6) {
    const v4 = embeddedV4(bare.toLowerCase());
    if (v4) return addressProblem(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return lists.find((l) => l.family === type && l.list.check(bare, type))?.problem ?? null;
}

/** Allowed with WEBHOOK_ALLOW_PRIVATE=1; metadata addresses never are. */
export function allowedWithFlag(problem: AddressProblem): boolean {
  return problem !== 'metadata';
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/** A name that does not resolve within this long is taken as unresolvable. */
const RESOLVE_TIMEOUT_MS = 5_000;

const systemResolver: Resolver = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('DNS timeout')), RESOLVE_TIMEOUT_MS);
  });
  try {
    const found = await Promise.race([dnsLookup(host, { all: true, verbatim: true }), timeout]);
    return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
  } finally {
    clearTimeout(timer);
  }
};

export class UnsafeEndpoint extends Error {
  constructor(
    readonly reason: 'protocol' | 'unresolvable' | AddressProblem,
    readonly messageKey: string,
  ) {
    super(`webhook endpoint refused: ${reason}`);
  }
}

/**
 * The address to connect to for this URL: its scheme must be https (http
 * too with the flag), and every address its host resolves to must be
 * allowed, else UnsafeEndpoint. One bad address refuses the URL, so a name
 * that answers a public and a private address cannot pick the private one later.
 */
export async function resolveEndpoint(
  url: URL,
  options: { allowPrivate: boolean; resolve?: Resolver },
): Promise<ResolvedAddress> {
  const { allowPrivate } = options;
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    throw new UnsafeEndpoint('protocol', 'webhooks.errors.httpsRequired');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      addresses = [];
    }
  }
  if (addresses.length === 0) throw new UnsafeEndpoint('unresolvable', 'webhooks.errors.unresolvable');
  for (const { address } of addresses) {
    const problem = addressProblem(address);
    if (problem && !(allowPrivate && allowedWithFlag(problem)))
      throw new UnsafeEndpoint(problem, 'webhooks.errors.privateAddress');
  }
  return addresses[0]!;
}
