// HTTP as a signed-in browser does it: next-auth credentials sign-in, then
// timed GETs (server time to first byte and to the last byte); and as a
// Partner API app does it: a client-credentials token, then bearer GETs.
import http from 'node:http';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export type Response = { status: number; headers: http.IncomingHttpHeaders; body: string; ttfb: number; total: number };

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, agent }, (res) => {
      const ttfb = performance.now() - start;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ttfb,
          total: performance.now() - start,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`Timed out: ${url}`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    out[pair!.slice(0, eq)] = pair!.slice(eq + 1);
  }
  return out;
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await request(`${base}/api/auth/csrf`);
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: 'true' }).toString();
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: Object.entries(jar)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      origin: base,
    },
    body,
  });
  const session = Object.entries(cookiesOf(res)).find(([k]) => k.endsWith('next-auth.session-token'));
  if (!session) throw new Error(`Sign-in as ${email} failed (status ${res.status})`);
  return `${session[0]}=${session[1]}`;
}

/** GET a page; throws unless it answers 200. */
export async function getPage(base: string, path: string, cookie: string | null): Promise<Response> {
  const res = await request(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  if (res.status !== 200)
    throw new Error(`GET ${path} answered ${res.status}${res.headers.location ? ` → ${res.headers.location}` : ''}`);
  return res;
}

/** A Partner API access token for an app (POST /api/oauth/token, client credentials). */
export async function apiToken(base: string, clientId: string, clientSecret: string): Promise<string> {
  const res = await request(`${base}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  if (res.status !== 200) throw new Error(`POST /api/oauth/token answered ${res.status}: ${res.body.slice(0, 200)}`);
  return (JSON.parse(res.body) as { access_token: string }).access_token;
}

/** GET a Partner API path with a bearer token; throws unless it answers 200. */
export async function getApi(base: string, path: string, token: string): Promise<Response> {
  const res = await request(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${res.body.slice(0, 200)}`);
  return res;
}
