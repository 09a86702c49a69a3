// Issue 7, the page half of the tenant-isolation matrix: every page and route
// under app/ (found by walking the folder, tests/security/matrix/inventory.ts)
// is requested by one signed-in user of every role, and signed out, with every
// record of another channel (tests/e2e/fixtures.ts OTHER_CHANNEL) in its URL.
// A foreign id answers 404, no answer shows the other channel's names or ids,
// and the areas each user's navigation offers still open (no over-blocking).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { inventory } from '../../security/matrix/inventory';
import { OTHER_CHANNEL } from '../fixtures';
import { signIn } from '../helpers';

const ACTORS = [
  'staff@vendor.example',
  'admin@northwind.example',
  'agent@northwind.example',
  'sales@northwind.example',
  'helpdesk@northwind.example',
  'admin@fabrikam.example',
  'agent@fabrikam.example',
  'sales@fabrikam.example',
  'helpdesk@fabrikam.example',
  'admin@woodgrove.onmicrosoft.example',
  'user@woodgrove.onmicrosoft.example',
];

const FOREIGN_IDS = Object.values(OTHER_CHANNEL.ids);
const MARKERS: string[] = [
  ...FOREIGN_IDS.filter((id) => id !== OTHER_CHANNEL.ids.offer),
  ...OTHER_CHANNEL.names.filter((n) => n !== 'Matrix other offer'),
];

/** Dynamic segments the matrix knows how to fill; a new one fails the coverage test by name. */
const SEGMENTS = ['[customerId]', '[subscriptionId]', '[partnershipId]', '[offerId]', '[orgId]', '[token]', '[layout]'];
/** The public directory of providers lists every active provider, by design. */
const PUBLIC_BY_DESIGN = ['/find-a-provider'];
/** Vendor staff read every organisation's records by design (R3): these answers are not leaks for them. */
const VENDOR_WIDE = [
  '/',
  '/customers',
  '/customers/[customerId]',
  '/subscriptions/[subscriptionId]',
  '/partners',
  '/partners/[orgId]/profile',
  '/audit-log',
  '/audit-log/export',
  '/mailbox',
  '/offers',
  '/offers/new',
  '/offers/[offerId]',
];
/** Filters in the query string that take ids: every static page gets them too. */
const QUERY = `?reseller=${OTHER_CHANNEL.ids.reseller}&targetId=${OTHER_CHANNEL.ids.customer}&q=Fourth%20Coffee&customerId=${OTHER_CHANNEL.ids.customer}`;

type Target = { template: string; url: string; foreignId: boolean; token: boolean; portal: boolean };

function targets(): Target[] {
  const out: Target[] = [];
  for (const entry of inventory()) {
    if (entry.kind === 'action' || entry.name.startsWith('/api/')) continue;
    const portal = entry.file.includes('(portal)');
    const segment = SEGMENTS.find((s) => entry.name.includes(s));
    if (segment) {
      for (const id of FOREIGN_IDS)
        out.push({
          template: entry.name,
          url: entry.name.replace(segment, id),
          foreignId: true,
          token: segment === '[token]',
          portal,
        });
    } else {
      out.push({ template: entry.name, url: entry.name, foreignId: false, token: false, portal });
      out.push({ template: entry.name, url: `${entry.name}${QUERY}`, foreignId: false, token: false, portal });
    }
  }
  return out;
}

const leaks: string[] = [];
const overBlocked: string[] = [];
let cells = 0;

/**
 * Each test's figures in its own file (a failed test restarts the worker, so
 * nothing is kept across tests); scripts/test-security.ts adds them up.
 */
function report(name: string, who: string) {
  const dir = path.join(process.cwd(), '.test-output', 'security-pages');
  mkdirSync(dir, { recursive: true });
  const mine = (list: string[]) => list.filter((l) => l.startsWith(`${who} `));
  const figures = {
    cells,
    leaks: mine(leaks).length,
    overBlocked: mine(overBlocked).length,
    leakList: mine(leaks),
    overBlockedList: mine(overBlocked),
  };
  writeFileSync(path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.json`), JSON.stringify(figures, null, 2));
  console.log(`Page matrix, ${who}: ${cells} requests, leaks: ${figures.leaks}, over-blocked: ${figures.overBlocked}`);
}

test('every page and route under app/ has its ids filled by the page matrix', () => {
  const unknown = inventory()
    .filter((e) => e.kind !== 'action' && !e.name.startsWith('/api/'))
    .flatMap((e) =>
      (e.name.match(/\[[^\]]+\]/g) ?? []).filter((s) => !SEGMENTS.includes(s)).map((s) => `${e.name}: ${s}`),
    );
  expect(unknown, 'dynamic segments the page matrix cannot fill').toEqual([]);
  expect(targets().length).toBeGreaterThan(50);
});

async function signedIn(
  browser: Browser,
  email: string,
): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { request: context.request, close: () => context.close() };
}

async function probe(request: APIRequestContext, who: string, t: Target, vendor: boolean) {
  cells++;
  const response = await request.get(t.url, { maxRedirects: 0, failOnStatusCode: false });
  const status = response.status();
  const body = await response.text();
  const where = `${who} ${t.url}`;
  if (status >= 500) {
    leaks.push(`${where}: server error ${status}`);
    return;
  }
  const byDesign = PUBLIC_BY_DESIGN.includes(t.template) || (vendor && VENDOR_WIDE.includes(t.template));
  if (!byDesign) {
    // An id the URL itself carries may be echoed (a filter field, the sign-in callback): only other markers count.
    const marker = MARKERS.find((m) => !t.url.includes(m) && body.includes(m));
    if (marker) leaks.push(`${where}: answers ${status} showing ${marker}`);
  }
  if (who === 'signed out') {
    const toSignIn =
      (status >= 300 && status < 400 && (response.headers().location ?? '').includes('/sign-in')) ||
      body.includes('/sign-in?callbackUrl=');
    if (t.portal && !toSignIn && status !== 404) leaks.push(`${where}: answers ${status} without a session`);
    return;
  }
  if (t.foreignId && !t.token && !byDesign && status !== 404) leaks.push(`${where}: answers ${status}, not 404`);
}

for (const email of ACTORS) {
  test(`${email}: the other channel's records answer 404 and show nowhere; its own areas open`, async ({ browser }) => {
    test.setTimeout(300_000);
    cells = 0;
    const { request, close } = await signedIn(browser, email);
    try {
      const vendor = email.endsWith('@vendor.example');
      for (const t of targets()) await probe(request, email, t, vendor);
      // No over-blocking: every area the navigation offers opens.
      const home = await (await request.get('/')).text();
      const nav = home.match(/<nav[\s\S]*?<\/nav>/)?.[0] ?? '';
      const hrefs = [...new Set([...nav.matchAll(/href="(\/[^"#?]*)"/g)].map((m) => m[1]!))];
      expect(hrefs.length, `${email} has navigation`).toBeGreaterThan(0);
      for (const href of hrefs) {
        cells++;
        const status = (await request.get(href, { failOnStatusCode: false })).status();
        if (status !== 200) overBlocked.push(`${email} ${href}: ${status}`);
      }
    } finally {
      await close();
      report(email, email);
    }
    expect(
      leaks.filter((l) => l.startsWith(`${email} `)),
      'leaks',
    ).toEqual([]);
    expect(
      overBlocked.filter((l) => l.startsWith(`${email} `)),
      'over-blocked',
    ).toEqual([]);
  });
}

test('signed out: every portal page sends to sign-in and shows nothing of any channel', async ({ playwright }) => {
  test.setTimeout(300_000);
  cells = 0;
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    for (const t of targets()) await probe(request, 'signed out', t, false);
  } finally {
    await request.dispose();
    report('signed-out', 'signed out');
  }
  expect(
    leaks.filter((l) => l.startsWith('signed out ')),
    'leaks',
  ).toEqual([]);
});
