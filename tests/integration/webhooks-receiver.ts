// A real HTTP receiver for the webhook tests, on 127.0.0.1: it verifies each
// request as a subscriber would, with the standardwebhooks library, against
// the portal's clock (tests move it, and the library checks the timestamp).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { clock } from '@/lib/clock';

export type Received = {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The secret whose signature verified it, or null. */
  verifiedWith: string | null;
};

type Handler = (request: Received, response: ServerResponse) => void;

export async function startReceiver() {
  const received: Received[] = [];
  const secrets = new Set<string>();
  let handler: Handler = (_r, response) => response.end('ok');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verifiedWith: string | null = null;
      const realNow = Date.now;
      const portalNow = clock.now().getTime();
      Date.now = () => portalNow;
      try {
        for (const secret of secrets) {
          try {
            new Webhook(secret).verify(body, req.headers as Record<string, string>);
            verifiedWith = secret;
          } catch {
            // not this one
          }
        }
      } finally {
        Date.now = realNow;
      }
      const entry: Received = {
        path: req.url ?? '/',
        headers: req.headers,
        body,
        payload: JSON.parse(body || '{}'),
        verifiedWith,
      };
      received.push(entry);
      handler(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    trust: (secret: string) => secrets.add(secret),
    answer: (next: Handler) => {
      handler = next;
    },
    status: (code: number, body = '') => {
      handler = (_r, response) => {
        response.statusCode = code;
        response.end(body);
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
