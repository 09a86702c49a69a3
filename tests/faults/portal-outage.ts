// PostgreSQL restarted under a running PRODUCTION portal, checked over HTTP.
// Not part of `npm test` (it needs a production build, ≈ 1–3 min): run it by
// hand before a release, or in CI after the e2e build:
//
//   node --import tsx tests/faults/portal-outage.ts [port]
//
// A private cluster (tests/faults/private-postgres.ts) with the demo data;
// the portal served in this process (scripts/lib/serve.ts), its stdout and
// stderr captured. It signs in, reads pages, stops PostgreSQL, reads them
// again (expects a 5xx answer without a stack trace, ideally saying "try
// again"), starts PostgreSQL and expects the same pages to work without
// restarting the portal. Finally the captured server log goes through
// scripts/check-logs.ts with the password and the session cookie as secrets.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { applyMigrations } from '../../scripts/db/migrate';
import { buildIfNeeded } from '../../scripts/lib/build';
import { assertPortFree, serveNext } from '../../scripts/lib/serve';
import { scanForSecrets } from '../../scripts/check-logs';
import { seed } from '../../prisma/seed';
import { startPrivateCluster } from './private-postgres';

// Outside 3950–3990, where the private cluster takes its port.
const port = Number(process.argv[2] ?? 3945);
// Whatever ends the process early (even an exit(0) from inside the server)
// must not pass for success: only the last line below sets `finished`.
let finished = false;
process.on('exit', () => {
  if (!finished) process.exitCode = 1;
});
const base = `http://127.0.0.1:${port}`;
const PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Passw0rd!';

// Capture everything the server writes.
const log: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    log.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return write(chunk, ...rest);
  }) as typeof stream.write;
}

const cookies = new Map<string, string>();
async function http(path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}${path}`, {
    ...init,
    redirect: 'manual',
    headers: {
      ...(init.headers as Record<string, string>),
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return { status: res.status, body: await res.text() };
}

const results: string[] = [];
let failed = false;
function check(ok: boolean, what: string) {
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
}
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const cluster = await startPrivateCluster();
let served: { close(): Promise<void> } | undefined;
try {
  await applyMigrations(cluster.url);
  await seed(cluster.url);
  Object.assign(process.env, {
    DATABASE_URL: cluster.url,
    DATABASE_POOL_MAX: '5',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: '1',
    MAIL_WORKER: 'off',
  });
  buildIfNeeded(process.env);
  await assertPortFree(port);
  served = await serveNext({ dev: false, port, hostname: '127.0.0.1' });

  const { body: csrfBody } = await http('/api/auth/csrf');
  const { csrfToken } = JSON.parse(csrfBody) as { csrfToken: string };
  const signIn = await http('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      csrfToken,
      email: 'admin@northwind.example',
      password: PASSWORD,
      callbackUrl: `${base}/`,
    }).toString(),
  });
  const session = [...cookies].find(([k]) => k.includes('session-token'));
  check(!!session, `signed in (status ${signIn.status})`);
  const before = await http('/customers');
  check(before.status === 200, `/customers before the outage: ${before.status}`);

  cluster.stop();
  for (const path of ['/customers', '/', '/sign-in']) {
    const during = await http(path);
    const text = visibleText(during.body);
    console.info(`[outage] ${path}: ${during.status} — ${text.slice(0, 160)}`);
    if (path !== '/sign-in')
      check(during.status >= 500, `${path} during the outage answers 5xx (got ${during.status})`);
    check(
      !/at \w+ \(|node_modules|PrismaClient|ECONNREFUSED|57P01/.test(during.body),
      `${path} during the outage shows no stack trace or driver error`,
    );
  }
  // What a person sees: the error page rendered in a browser (the HTML of a
  // failed render carries only the shell; the error boundary draws the message).
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  try {
    const context = await browser.newContext();
    await context.addCookies([...cookies].map(([name, value]) => ({ name, value, url: base })));
    const page = await context.newPage();
    for (const path of ['/customers', '/']) {
      await page.goto(`${base}${path}`);
      const shown = await page
        .getByText(/try again/i)
        .first()
        .isVisible({ timeout: 10_000 })
        .catch(() => false);
      check(shown, `${path} during the outage shows "try again" in a browser`);
    }
  } finally {
    await browser.close();
  }

  cluster.start();
  const after = await http('/customers');
  check(after.status === 200, `/customers after the restart, same process: ${after.status}`);

  const secrets = [PASSWORD, ...(session ? [session[1]] : [])];
  const findings = scanForSecrets(log.join(''), secrets);
  check(findings.length === 0, `no secrets in the server log (${findings.map((f) => f.kind).join(', ') || 'none'})`);
} finally {
  await served?.close();
  cluster.destroy();
}
console.log(`\n${results.join('\n')}`);
finished = !failed;
process.exit(failed ? 1 : 0);
