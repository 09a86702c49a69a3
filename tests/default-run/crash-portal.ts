// The crash test's portals: started on a data folder (and remembered, so
// that cleanUp() kills them whatever happens), stopped cleanly, checked to
// serve; the lock a killed one leaves; waiting for a line in a start's log.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockFile } from '../../scripts/lib/data-lock';
import { http, serverErrors, signInHttp, startPortal, type Jar, type Portal } from './portal';
import { checks } from './scenario';

export const PORT = 3710; // the rounds
export const FIRST_START_PORT = 3711; // the half-made first start
export const ADMIN = 'admin@northwind.example';
/** A first start may build the portal (next build): minutes. */
const START_TIMEOUT_MS = 900_000;

export const c = checks('crash');
/** Every data folder the test made: removed by cleanUp(). */
export const folders: string[] = [];
const running = new Set<Portal>();

export async function start(dataDir: string, port = PORT, logFile?: string): Promise<{ portal: Portal; ms: number }> {
  const t0 = performance.now();
  const portal = await startPortal({ dataDir, port, logFile, timeoutMs: START_TIMEOUT_MS });
  running.add(portal);
  void portal.exited.then(() => running.delete(portal));
  return { portal, ms: performance.now() - t0 };
}

/** A clean stop (SIGTERM closes PGlite), so the script may open the folder itself. */
export async function stopClean(portal: Portal, what: string): Promise<void> {
  const code = await portal.stop('SIGTERM');
  c.check(code === 0, `${what}: stops cleanly on SIGTERM (exit ${code})`);
  const errors = serverErrors(portal.output());
  c.check(
    errors.length === 0,
    `${what}: no server errors in its output${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`,
  );
}

export function lockHolder(dataDir: string): number | null {
  try {
    return (JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Kills every portal this script started, also one still starting (its pid is
 * in its folder's lock), and removes the folders.
 */
export async function cleanUp(): Promise<void> {
  for (const portal of [...running]) await portal.kill();
  for (const dir of folders) {
    const pid = lockHolder(dir);
    if (pid && pid !== process.pid && alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await sleep(200);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}

/** The portal serves after a start: the sign-in page, a signed-in list. Returns the session. */
export async function serves(portal: Portal, what: string): Promise<Jar | null> {
  try {
    const signInPage = await http(portal.base, '/sign-in', new Map());
    c.check(signInPage.status === 200, `${what}: GET /sign-in answers ${signInPage.status}`);
    const jar = await signInHttp(portal.base, ADMIN);
    const customers = await http(portal.base, '/customers', jar);
    c.check(
      customers.status === 200 && !customers.body.includes('Something went wrong'),
      `${what}: signed-in GET /customers answers ${customers.status}` +
        (customers.body.includes('Something went wrong') ? ' with "Something went wrong"' : ''),
    );
    return jar;
  } catch (error) {
    c.check(false, `${what}: serves (${(error as Error).message})`);
    return null;
  }
}

/** Polls until `ready()`; the time it became true, or null if `until` settled first. */
export async function when(ready: () => boolean, until: Promise<unknown>): Promise<number | null> {
  let settled = false;
  void until.finally(() => (settled = true));
  for (;;) {
    if (ready()) return performance.now();
    if (settled) return null;
    await sleep(5);
  }
}

/** When a log file holds `text` after its first `from` characters. */
export const appears = (logFile: string, text: string, from: number, until: Promise<unknown>) =>
  when(() => existsSync(logFile) && readFileSync(logFile, 'utf8').indexOf(text, from) >= 0, until);

/** Lines of a start's output that PostgreSQL or PGlite may have added (recovery, warnings). */
export function notable(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /warn|error|recover|redo|checkpoint|panic|fatal|corrupt|invalid/i.test(line));
}
