// A soak of the default run (`npm start`, embedded database), in Chromium:
// three signed-in users at once for several minutes — a provider admin and a
// reseller admin moving through their lists, searching and changing the
// licences of the same subscription (so they also meet R14's "changed by
// someone else" and reload, as people do), and a customer admin reading —
// each pausing at random between steps, past the database pool's idle
// timeout (2 s here) again and again. Counted: pages that answer with an
// error or a status of 500 or more, browser errors, server errors in the
// portal's log (all must be 0), and after SIGTERM and a new start the last
// saved licence count is still there.
//
//   node --import tsx tests/default-run/soak.ts [--seconds 240] [--port 3720]
import type { Browser, Page } from '@playwright/test';
import { numberArg, runScenario, signInBrowser } from './scenario';

const SECONDS = numberArg('seconds', 240);
const PORT = numberArg('port', 3720);
const POOL_IDLE_SECONDS = 2;
const CONFLICT = 'This was changed by someone else. Reload the page and try again.';
const SEARCHES = ['bank', 'wood', 'Woodgrove', 'zzz-nothing', 'Ōsaka', "o'brien", '%', 'litware'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

type Tally = {
  pages: number;
  errorPages: string[];
  changes: number;
  conflicts: number;
  browserErrors: string[];
  idleGaps: number;
  longestGapMs: number;
};
const tally: Tally = {
  pages: 0,
  errorPages: [],
  changes: 0,
  conflicts: 0,
  browserErrors: [],
  idleGaps: 0,
  longestGapMs: 0,
};

/**
 * Signs in, counting from then on every answer of 500 or more (a page, a
 * server action, a React Server Components fetch) and every browser error.
 */
async function signIn(browser: Browser, base: string, email: string): Promise<Page> {
  const page = await signInBrowser(browser, base, email);
  page.on('response', (r) => {
    if (r.status() >= 500) tally.errorPages.push(`${email}: ${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on('pageerror', (e) => tally.browserErrors.push(`${email}: ${e.message}`));
  return page;
}

/** Opens a page and checks it is a real one (its heading, no error page, still signed in). */
async function open(page: Page, who: string, target: string): Promise<void> {
  const response = await page.goto(target);
  tally.pages++;
  const problem =
    (response?.status() ?? 0) !== 200
      ? `status ${response?.status()}`
      : (await page.getByText('Something went wrong').count())
        ? 'error page'
        : !(await page.locator('h1').count())
          ? 'no heading'
          : !(await page.getByRole('button', { name: 'Sign out' }).count())
            ? 'signed out'
            : null;
  if (problem) tally.errorPages.push(`${who} ${target}: ${problem}`);
}

/** A pause between steps: mostly short, often past the pool's idle timeout, now and then long. */
async function pause(): Promise<void> {
  const r = Math.random();
  const ms =
    r < 0.5 ? 200 + Math.random() * 1_500 : r < 0.9 ? (POOL_IDLE_SECONDS + 0.5 + Math.random() * 3) * 1000 : 12_000;
  if (ms > POOL_IDLE_SECONDS * 1000) tally.idleGaps++;
  tally.longestGapMs = Math.max(tally.longestGapMs, ms);
  await sleep(ms);
}

const fact = (page: Page, term: string) => page.locator(`dt:text-is("${term}") + dd`);

/** Sets the subscription's licences; a conflict (R14) is a valid answer: reload and go on. */
async function changeLicences(page: Page, who: string, subscriptionPath: string): Promise<void> {
  await open(page, who, subscriptionPath);
  const current = Number((await fact(page, 'Licences').textContent())?.trim());
  // Up and down between 10 and 60 (reductions are allowed within 7 days of the purchase).
  const next = current >= 60 ? 10 + Math.floor(Math.random() * 5) : current + 1 + Math.floor(Math.random() * 3);
  const form = page.getByRole('form', { name: 'Change subscription' });
  await form.getByLabel('Licences', { exact: true }).fill(String(next));
  await form.getByRole('button', { name: 'Submit' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved.' });
  const conflict = page.getByText(CONFLICT);
  await saved.or(conflict).first().waitFor({ timeout: 30_000 });
  if (await conflict.count()) tally.conflicts++;
  else tally.changes++;
}

async function provider(page: Page, until: number, subscriptionPath: string) {
  const who = 'admin@northwind.example';
  while (Date.now() < until) {
    const step = Math.random();
    if (step < 0.3)
      await open(page, who, pick(['/customers', '/indirect-resellers', '/audit-log', '/incentives', '/']));
    else if (step < 0.55) await open(page, who, `/customers?q=${encodeURIComponent(pick(SEARCHES))}`);
    else if (step < 0.7) await open(page, who, pick(['/customers', subscriptionPath]));
    else await changeLicences(page, who, subscriptionPath);
    await pause();
  }
}

async function reseller(page: Page, until: number, subscriptionPath: string) {
  const who = 'admin@fabrikam.example';
  while (Date.now() < until) {
    const step = Math.random();
    if (step < 0.35)
      await open(
        page,
        who,
        pick(['/subscriptions', '/subscriptions?tab=support', '/customers', '/audit-log', '/incentives']),
      );
    else if (step < 0.6) await open(page, who, `/customers?q=${encodeURIComponent(pick(SEARCHES))}`);
    else await changeLicences(page, who, subscriptionPath);
    await pause();
  }
}

async function customer(page: Page, until: number, paths: string[]) {
  const who = 'admin@woodgrove.onmicrosoft.example';
  while (Date.now() < until) {
    await open(page, who, pick(paths));
    await pause();
  }
}

await runScenario('soak', async ({ browser, check, start, logErrors }) => {
  let portal = await start(PORT, { DATABASE_POOL_IDLE_SECONDS: String(POOL_IDLE_SECONDS) });
  const base = portal.base;
  const [northwind, fabrikam, woodgrove] = await Promise.all([
    signIn(browser, base, 'admin@northwind.example'),
    signIn(browser, base, 'admin@fabrikam.example'),
    signIn(browser, base, 'admin@woodgrove.onmicrosoft.example'),
  ]);
  // Woodgrove Bank's subscription, as the provider reaches it.
  await northwind!.goto('/customers');
  await northwind!.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await northwind!.getByRole('link', { name: 'Microsoft 365 Business Basic' }).click();
  await northwind!.getByRole('heading', { level: 1, name: 'Microsoft 365 Business Basic' }).waitFor();
  const subscriptionPath = new URL(northwind!.url()).pathname;
  const customerPaths = [
    '/',
    ...(await woodgrove!
      .getByRole('navigation')
      .first()
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))),
  ];

  const until = Date.now() + SECONDS * 1000;
  await Promise.all([
    provider(northwind!, until, subscriptionPath),
    reseller(fabrikam!, until, subscriptionPath),
    customer(woodgrove!, until, customerPaths),
  ]);

  await northwind!.goto(subscriptionPath);
  const lastSaved = (await fact(northwind!, 'Licences').textContent())?.trim();
  check(
    tally.changes > 0,
    `${tally.changes} licence changes saved, ${tally.conflicts} refused as changed by someone else (R14) and reloaded`,
  );
  check(
    tally.errorPages.length === 0,
    `${tally.pages} pages in ${SECONDS} s by 3 users, ${tally.idleGaps} pauses past the pool's idle timeout ` +
      `(longest ${Math.round(tally.longestGapMs / 1000)} s): ${tally.errorPages.length} error pages` +
      (tally.errorPages.length ? `:\n    ${tally.errorPages.slice(0, 20).join('\n    ')}` : ''),
  );
  check(
    tally.browserErrors.length === 0,
    `${tally.browserErrors.length} browser errors` +
      (tally.browserErrors.length ? `:\n    ${tally.browserErrors.slice(0, 10).join('\n    ')}` : ''),
  );

  const code = await portal.stop('SIGTERM');
  check(code === 0, `SIGTERM after the soak: stops cleanly (exit code ${code})`);
  portal = await start(PORT);
  await northwind!.goto(subscriptionPath);
  const afterRestart = (await fact(northwind!, 'Licences').textContent())?.trim();
  check(
    !!lastSaved && afterRestart === lastSaved,
    `the last saved licence count (${lastSaved}) is there after a restart (${afterRestart})`,
  );
  await portal.stop('SIGTERM');

  const errors = logErrors();
  check(
    errors.length === 0,
    `${errors.length} server errors in the portal's log` +
      (errors.length ? `:\n    ${errors.slice(0, 10).join('\n    ')}` : ''),
  );
});
