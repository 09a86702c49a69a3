// The crash test's rounds: each one places a few orders that complete, then
// SIGKILLs `npm start` during the next one (at a point spread over the
// submission, or at its first WAL write), starts it again on the folder and
// checks the killed order is whole or absent and everything before it there.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findActionId, submitOrder, type OrderOffer } from '../../scripts/bench/order';
import { lockFile } from '../../scripts/lib/data-lock';
import { cookieHeader, ROOT, serverErrors, type Jar, type Portal } from './portal';
import { alive, c, lockHolder, notable, serves, start, stopClean } from './crash-portal';
import {
  footprint,
  integrity,
  missing,
  NOTHING,
  onWalWrite,
  order,
  same,
  show,
  snapshot,
  TABLES,
  WHOLE,
  withDatabase,
  type Footprint,
  type Placed,
  type Snapshot,
} from './crash-database';

/** Rounds killed at a moment spread over the submission. */
export const ROUNDS = 6;
/** Rounds killed the moment PostgreSQL writes its WAL during the submission (a commit, almost always). */
export const COMMIT_ROUNDS = 3;
/** Kill points run from the start of a submission to this many times its usual length. */
export const KILL_SPREAD = 1.2;

export type Rounds = {
  dataDir: string;
  /** The folder's rows after the first start: the demo data. */
  demo: Snapshot;
  offer: OrderOffer;
  /** The portal serving after the warm-up, a session on it and its order action's id. */
  portal: Portal;
  jar: Jar;
  actionId: string;
  /** A submission's usual length (ms), from the warm-up. */
  span: number;
  tag: string;
  /** The orders committed so far (the warm-up's); the rounds add theirs. */
  committed: Placed[];
  summary: string[];
};

/** ROUNDS + COMMIT_ROUNDS rounds; the portal of the last one is stopped cleanly. */
export async function killRounds(r: Rounds): Promise<void> {
  const { dataDir, demo, offer, span, tag, committed, summary } = r;
  let { portal, jar, actionId } = r;
  let before = demo;
  const outcomes = { whole: 0, nothing: 0 };
  const restarts: string[] = [];
  const warnings = new Set<string>();
  for (let round = 1; round <= ROUNDS + COMMIT_ROUNDS; round++) {
    const what = `round ${round}`;
    const atCommit = round > ROUNDS;
    // Orders acknowledged just before the kill: committed, so they must
    // survive. They warm this process up (a fresh one is slow at first); the
    // last one's time is this round's submission length.
    let roundSpan = span;
    for (const suffix of ['a', 'b', 'c']) {
      const acknowledged = order(`${tag}r${round}${suffix}`);
      roundSpan = await submitOrder(portal.base, cookieHeader(jar), actionId, offer, acknowledged.run);
      committed.push(acknowledged);
    }

    // The order to kill, and the kill point: spread over the rounds, with
    // some randomness; or the first WAL write after the submission starts.
    const killed = order(`${tag}r${round}k`);
    const aim = (KILL_SPREAD * (round - 1)) / Math.max(1, ROUNDS - 1) + (Math.random() - 0.5) * 0.2;
    const killedPid = portal.child.pid!;
    let killedAfter = -1; // when SIGKILL is sent; the process is gone a little later
    const t0 = performance.now();
    const sigkill = () => {
      if (killedAfter >= 0) return;
      killedAfter = performance.now() - t0;
      portal.child.kill('SIGKILL');
    };
    const unwatch = atCommit ? onWalWrite(dataDir, sigkill) : () => {};
    const submission = submitOrder(portal.base, cookieHeader(jar), actionId, offer, killed.run).then(
      (ms) => ({ answered: true as const, ms }),
      (error: Error) => ({ answered: false as const, error: error.message }),
    );
    if (atCommit) await Promise.race([submission, portal.exited]);
    else await sleep(Math.max(0, aim * roundSpan));
    unwatch();
    sigkill(); // a no-op when the WAL write sent it already
    await portal.kill();
    const result = await submission;
    const errors = serverErrors(portal.output());
    c.check(
      errors.length === 0,
      `${what}: no server errors before the kill${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`,
    );

    // The killed process's lock is left behind; the next start takes it over.
    const holder = lockHolder(dataDir);
    c.check(
      holder === killedPid && !alive(killedPid),
      `${what}: the killed process left ${path.basename(lockFile(dataDir))} naming it ` +
        `(pid ${holder}, no longer running)`,
    );
    let restarted: Awaited<ReturnType<typeof start>>;
    try {
      restarted = await start(dataDir);
    } catch (error) {
      c.check(false, `${what}: npm start on the killed folder serves: ${(error as Error).message}`);
      break;
    }
    const out = restarted.portal.output();
    c.check(
      !out.includes('already running') && !out.includes('could not be opened'),
      `${what}: restart after the SIGKILL serves in ${(restarted.ms / 1000).toFixed(1)} s, ` +
        'taking over the lock (no "already running")',
    );
    c.check(lockHolder(dataDir) === restarted.portal.child.pid, `${what}: the lock now names the new process`);
    for (const line of notable(out)) warnings.add(line.trim());
    restarts.push(`${(restarted.ms / 1000).toFixed(1)} s`);
    jar = (await serves(restarted.portal, `${what} restart`)) ?? jar;
    await stopClean(restarted.portal, `${what} restart`);

    // The database as the restart left it.
    const after = await withDatabase(dataDir, async (db) => {
      const killedPrint = await footprint(db, killed);
      const committedPrints = await Promise.all(committed.map(async (o) => ({ o, print: await footprint(db, o) })));
      const now = await snapshot(db);
      // Each round, so that a broken index names the crash that broke it.
      return { killedPrint, committedPrints, now, checked: await integrity(db) };
    });
    const whole = same(after.killedPrint, WHOLE);
    const nothing = same(after.killedPrint, NOTHING);
    const moment = result.answered
      ? `answered in ${Math.round(result.ms)} ms, before the kill`
      : `killed ${Math.round(killedAfter)} ms into it: ${result.error}`;
    c.check(
      whole || nothing,
      `${what}: the killed order (${moment}) is ` +
        (whole ? 'whole' : nothing ? 'not there at all' : `PARTLY there: ${show(after.killedPrint)}`),
    );
    if (result.answered) c.check(whole, `${what}: the order answered before the kill is whole`);
    if (whole) {
      outcomes.whole += 1;
      committed.push(killed);
    } else if (nothing) outcomes.nothing += 1;
    summary.push(
      `${what}: submission ${Math.round(roundSpan)} ms, SIGKILL at ${Math.round(killedAfter)} ms ` +
        `(${Math.round((100 * killedAfter) / roundSpan)} %${atCommit ? ', at the WAL write' : ''}) → ` +
        `${whole ? 'whole' : nothing ? 'nothing' : 'PART'}` +
        (result.answered ? ` (answered in ${Math.round(result.ms)} ms, before the kill)` : '') +
        `; restart served in ${(restarted.ms / 1000).toFixed(1)} s`,
    );

    const broken = after.committedPrints.filter(({ print }) => !same(print, WHOLE));
    c.check(
      broken.length === 0,
      `${what}: all ${committed.length - (whole ? 1 : 0)} orders committed earlier are whole` +
        (broken.length ? `; not: ${broken.map(({ o, print }) => `${o.prefix} ${show(print)}`).join(', ')}` : ''),
    );
    const gone = missing(before, after.now);
    c.check(
      gone.length === 0,
      `${what}: every row committed before the round is still there` +
        (gone.length ? `; missing: ${gone.join(', ')}` : ''),
    );
    // No stray rows either: the order tables hold the demo data and the whole orders, nothing else.
    const stray = (Object.entries(TABLES) as [keyof Footprint, string][])
      .map(([key, table]) => ({
        table,
        expected: (demo.rows.get(table) ?? 0) + committed.length * WHOLE[key],
        actual: after.now.rows.get(table) ?? 0,
      }))
      .filter((t) => t.expected !== t.actual);
    c.check(
      stray.length === 0,
      `${what}: the order tables hold the demo data and ${committed.length} whole orders, nothing more` +
        (stray.length ? `; ${stray.map((t) => `${t.table} ${t.actual} (expected ${t.expected})`).join(', ')}` : ''),
    );
    const { checked } = after;
    c.check(
      checked.problems.length === 0,
      `${what}: amcheck finds ${checked.btree} btree indexes${checked.gin ? `, ${checked.gin} GIN indexes` : ''} ` +
        `and ${checked.heaps} tables intact` +
        (checked.problems.length ? `; ${checked.problems.slice(0, 5).join(' | ')}` : ''),
    );
    before = after.now;

    // The next round's portal (after a clean stop: an ordinary start).
    if (round < ROUNDS + COMMIT_ROUNDS) {
      ({ portal } = await start(dataDir));
      actionId = findActionId(ROOT); // the start may have rebuilt the portal
    }
  }
  summary.push(
    `${ROUNDS + COMMIT_ROUNDS} rounds: ${outcomes.whole} whole, ${outcomes.nothing} nothing; ` +
      `restarts after the kill served in ${restarts.join(', ')}`,
  );
  summary.push(`PGlite lines in the restarts' output: ${warnings.size ? [...warnings].join(' | ') : 'none'}`);
}
