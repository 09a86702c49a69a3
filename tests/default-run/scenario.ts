// What the default-run scripts report and run: ✓/✗ checks, a number from the
// command line, a browser sign-in, and a whole browser scenario on a new
// data folder (the portal itself: portal.ts).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { newDataDir, PASSWORD, serverErrors, startPortal, type Portal } from './portal';

export type Checks = { check(ok: boolean, what: string): boolean; failed(): number; passed(): number };

/** Prints ✓/✗ per check, as the other scripted tests do. */
export function checks(prefix: string): Checks {
  let passed = 0;
  let failed = 0;
  return {
    check(ok, what) {
      console.log(`${ok ? '✓' : '✗'} [${prefix}] ${what}`);
      if (ok) passed++;
      else failed++;
      return ok;
    },
    failed: () => failed,
    passed: () => passed,
  };
}

/** `--name <number>` from the command line, else the fallback. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Signs in through the form in a new browser context, as a person does; resolves on the signed-in page. */
export async function signInBrowser(browser: Browser, base: string, email: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
  return page;
}

export type Scenario = Checks & {
  browser: Browser;
  dataDir: string;
  /** Starts the portal on the scenario's data folder, its output appended to the scenario's log. */
  start(port: number, env?: Record<string, string>): Promise<Portal>;
  /** Server errors in everything the scenario's portals wrote. */
  logErrors(): string[];
};

/**
 * Runs a browser scenario on a new data folder: Chromium, the portals it
 * starts (killed at the end, whatever happened), the folder and its log
 * removed; prints the checks and a closing line, and exits 1 if one failed.
 */
export async function runScenario(name: string, body: (s: Scenario) => Promise<void>): Promise<never> {
  const started = Date.now();
  const dataDir = newDataDir(name);
  const logFile = `${dataDir}.log`;
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const c = checks(name);
  let current: Portal | undefined;
  const scenario: Scenario = {
    ...c,
    browser,
    dataDir,
    async start(port, env) {
      current = await startPortal({ dataDir, port, env, logFile });
      return current;
    },
    logErrors: () => serverErrors(existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };
  try {
    await body(scenario);
  } catch (error) {
    c.check(false, `stopped by an error: ${(error as Error).stack ?? String(error)}`);
    if (current) console.log(current.output().split('\n').slice(-40).join('\n'));
  } finally {
    await current?.kill();
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(logFile, { force: true });
  }
  console.log(`${name}: ${c.passed()} passed, ${c.failed()} failed (${Math.round((Date.now() - started) / 1000)} s)`);
  process.exit(c.failed() ? 1 : 0);
}
