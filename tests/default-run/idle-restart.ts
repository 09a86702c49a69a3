// The default run (`npm start`, embedded database) left alone and restarted,
// as a newcomer does it, in Chromium:
// 1. every page of every role's navigation, a customer's page and a search
//    answer; then again after sitting idle past the database pool's idle
//    timeout (forced to 1 s) and the HTTP keep-alive (5 s);
// 2. a second `npm start` on the same data folder refuses with a clear
//    message, and the first keeps serving;
// 3. SIGTERM, then `npm start` with every default: a change made before is
//    there, the browsers are still signed in, every page answers; the bench's
//    floors and the test clock, which only PC_BENCH=1 and PC_TEST_CLOCK=1 turn
//    on, answer 404; then again after 35 s idle (past the pool's real 10 s);
//    Ctrl+C (SIGINT) and a third start keep a second change;
// 4. no server error in the portal's log across all of it.
//
//   node --import tsx tests/default-run/idle-restart.ts [--idle-seconds 35] [--port 3700]
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { lockFile } from '../../scripts/lib/data-lock';
import { PASSWORD, startExpectingRefusal } from './portal';
import { numberArg, runScenario, signInBrowser, type Checks } from './scenario';

const IDLE_SECONDS = numberArg('idle-seconds', 35);
const PORT = numberArg('port', 3700);
const USERS = [
  'admin@northwind.example',
  'admin@fabrikam.example',
  'staff@vendor.example',
  'admin@woodgrove.onmicrosoft.example',
] as const;

type Signed = { email: string; context: BrowserContext; page: Page; paths: string[] };

/** The pages a user reaches: the navigation, a customer's page, a search, the support tab. */
async function pathsOf(page: Page): Promise<string[]> {
  const nav = await page
    .getByRole('navigation')
    .first()
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const paths = ['/', ...nav];
  if (nav.includes('/customers')) {
    await page.goto('/customers');
    const customer = await page
      .locator('a[href^="/customers/"]')
      .evaluateAll((links) =>
        links
          .map((a) => new URL((a as HTMLAnchorElement).href).pathname)
          .find((p) => /^\/customers\/(?!new)[^/]+$/.test(p)),
      );
    if (customer) paths.push(customer);
    paths.push('/customers?q=bank');
  }
  if (nav.includes('/subscriptions')) paths.push('/subscriptions?tab=support');
  return [...new Set(paths)];
}

/** Opens every page; each must answer 200 with its heading and without the error page. */
async function visitAll(check: Checks['check'], users: Signed[], when: string): Promise<void> {
  const bad: string[] = [];
  let pages = 0;
  await Promise.all(
    users.map(async (u) => {
      for (const p of u.paths) {
        const response = await u.page.goto(p).catch((e: Error) => e);
        pages++;
        if (response instanceof Error) {
          bad.push(`${u.email} ${p}: ${response.message.split('\n')[0]}`);
          continue;
        }
        const status = response?.status() ?? 0;
        const error = await u.page.getByText('Something went wrong').count();
        const heading = await u.page.locator('h1').count();
        const signedIn = await u.page.getByRole('button', { name: 'Sign out' }).count();
        if (status !== 200 || error || !heading || !signedIn)
          bad.push(
            `${u.email} ${p}: status ${status}${error ? ', error page' : ''}` +
              `${heading ? '' : ', no heading'}${signedIn ? '' : ', signed out'}`,
          );
      }
    }),
  );
  check(
    bad.length === 0,
    `${when}: ${pages} pages of ${users.length} users answer` +
      (bad.length ? `; failed:\n    ${bad.join('\n    ')}` : ''),
  );
}

/**
 * What only a flag turns on answers 404 in a plain `npm start`, even to a
 * signed-in user: the bench's floors (PC_BENCH=1) and the test clock
 * (PC_TEST_CLOCK=1, which would let anyone move the portal's clock).
 */
async function flaggedOff(check: Checks['check'], page: Page): Promise<void> {
  const probes: ['GET' | 'POST', string, string][] = [
    ['GET', '/bench-floor', 'PC_BENCH'],
    ['GET', '/bench-floor/incentives', 'PC_BENCH'],
    ['GET', '/api/test/clock', 'PC_TEST_CLOCK'],
    ['POST', '/api/test/clock', 'PC_TEST_CLOCK'],
  ];
  for (const [method, path, flag] of probes) {
    const response = await page.request.fetch(path, {
      method,
      maxRedirects: 0,
      ...(method === 'POST' && { data: { advanceMs: 0 } }),
    });
    check(response.status() === 404, `${method} ${path} answers 404 without ${flag}=1 (status ${response.status()})`);
  }
}

async function changePassword(page: Page, from: string, to: string): Promise<boolean> {
  await page.goto('/change-password');
  await page.getByLabel('Current password').fill(from);
  await page.getByLabel('New password', { exact: true }).fill(to);
  await page.getByLabel('Confirm new password').fill(to);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 }).catch(() => {});
  return new URL(page.url()).pathname === '/';
}

/** Whether `email` signs in with `password` (a fresh browser context each time). */
async function signsIn(browser: Browser, base: string, email: string, password: string): Promise<boolean> {
  const page = await signInBrowser(browser, base, email, password).catch(() => null);
  await page?.context().close();
  return !!page;
}

const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

await runScenario('idle-restart', async ({ browser, dataDir, check, start, logErrors }) => {
  const visit = (users: Signed[], when: string) => visitAll(check, users, when);
  // 1. Forced short: the pool closes a connection idle for 1 s.
  let portal = await start(PORT, { DATABASE_POOL_IDLE_SECONDS: '1' });
  const base = portal.base;
  const users: Signed[] = [];
  for (const email of USERS) {
    const page = await signInBrowser(browser, base, email);
    users.push({ email, context: page.context(), page, paths: await pathsOf(page) });
  }
  for (const u of users) console.log(`  ${u.email}: ${u.paths.join(' ')}`);
  await visit(users, 'new database');
  await sleep(6);
  await visit(users, 'after 6 s idle (pool idle timeout 1 s, keep-alive 5 s)');
  await sleep(3);
  await visit(users, 'after another 3 s idle');

  // 2. A second start on the same data folder (another port): refused, and the first serves on.
  const second = await startExpectingRefusal({ dataDir, port: PORT + 1 });
  check(
    !second.served && second.code === 1,
    `a second npm start on the same data folder exits with code ${second.code} without serving`,
  );
  check(
    /already running on the embedded database in .*stop the other one first/is.test(second.output),
    `it says why: "${second.output.trim().split('\n').at(-1)}"`,
  );
  await visit(users.slice(0, 1), 'the first one still serves');

  // A change, then SIGTERM.
  const sales = await signInBrowser(browser, base, 'sales@northwind.example');
  const firstPassword = 'Changed-Passw0rd-Idle-1';
  check(await changePassword(sales, PASSWORD, firstPassword), 'sales@northwind.example changes its password');
  await sales.context().close();
  const termCode = await portal.stop('SIGTERM');
  check(termCode === 0, `SIGTERM: npm start stops cleanly (exit code ${termCode})`);
  check(!existsSync(lockFile(dataDir)), 'and releases the data folder');

  // 3. Every default: the pool's own 10 s idle timeout.
  portal = await start(PORT);
  await visit(users, 'after a restart (SIGTERM), same browsers, still signed in');
  await flaggedOff(check, users[0]!.page);
  check(
    await signsIn(browser, base, 'sales@northwind.example', firstPassword),
    'the password changed before SIGTERM is the one that signs in',
  );
  check(!(await signsIn(browser, base, 'sales@northwind.example', PASSWORD)), 'and the old one does not');
  await sleep(IDLE_SECONDS);
  await visit(users, `after ${IDLE_SECONDS} s idle with every default (pool idle timeout 10 s)`);

  const sales2 = await signInBrowser(browser, base, 'sales@northwind.example', firstPassword);
  const secondPassword = 'Changed-Passw0rd-Idle-2';
  check(await changePassword(sales2, firstPassword, secondPassword), 'a second password change');
  await sales2.context().close();
  const intCode = await portal.stop('SIGINT');
  check(intCode === 0, `Ctrl+C (SIGINT): npm start stops cleanly (exit code ${intCode})`);
  portal = await start(PORT);
  check(
    await signsIn(browser, base, 'sales@northwind.example', secondPassword),
    'after Ctrl+C and a third start, the second change is there',
  );
  await visit(users, 'after a restart (Ctrl+C)');
  await portal.stop('SIGTERM');

  const errors = logErrors();
  check(
    errors.length === 0,
    `no server error in the portal's log (${errors.length})` +
      (errors.length ? `:\n    ${errors.slice(0, 10).join('\n    ')}` : ''),
  );
});
