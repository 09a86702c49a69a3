// The default run's embedded database (PGlite) killed outright: `npm start`
// SIGKILLed while it places a real order over HTTP, at moments spread over
// the submission or the moment PostgreSQL writes the WAL of a commit (so
// that some kills land between the commit and the answer), then started
// again on the same data folder. Each time it
// must open (PostgreSQL recovers there), serve, and keep the killed order
// whole or not at all, with everything committed before still there. Also:
// the lock a killed process leaves is taken over, a first start killed
// while it creates the database is made again from scratch, and a damaged
// folder is refused with a clear message, never served.
// Mirrors tests/faults/kill-order.int.test.ts, which kills a client of a
// PostgreSQL server; here the database dies with the process.
//   node --import tsx tests/default-run/crash.ts
//
// The parts: crash-portal.ts (the portals it starts, checks and kills),
// crash-database.ts (what a folder holds), crash-rounds.ts (the kills during
// orders), crash-first-start.ts (a first start killed, a damaged folder).
import path from 'node:path';
import { findActionId, submitOrder, type OrderOffer } from '../../scripts/bench/order';
import { cookieHeader, newDataDir, ROOT, signInHttp } from './portal';
import { order, snapshot, withDatabase, type Placed } from './crash-database';
import { ADMIN, appears, c, cleanUp, folders, PORT, serves, start, stopClean } from './crash-portal';
import { COMMIT_ROUNDS, KILL_SPREAD, killRounds, ROUNDS } from './crash-rounds';
import { halfMadeFirstStarts } from './crash-first-start';

const began = performance.now();
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

const summary: string[] = [];
try {
  // ---- A new folder: first start (demo data), its counts, an offer to order.
  const dataDir = newDataDir('crash');
  folders.push(dataDir);
  const firstLog = path.join(dataDir, 'first-start.log');
  const firstStart = start(dataDir, PORT, firstLog);
  // How long the demo data takes, to aim the half-made start's kill into it.
  const created = appears(firstLog, 'Created the embedded database', 0, firstStart);
  const seeded = appears(firstLog, 'Demo data created.', 0, firstStart);
  const first = await firstStart;
  const [createdAt, seededAt] = await Promise.all([created, seeded]);
  const seedMs = createdAt !== null && seededAt !== null ? seededAt - createdAt : 1000;
  c.check(
    first.portal.output().includes('Created the embedded database') &&
      first.portal.output().includes('Demo data created.'),
    `first start creates the database with the demo data (${(first.ms / 1000).toFixed(1)} s; ` +
      `the demo data took ${Math.round(seedMs)} ms)`,
  );
  let jar = await serves(first.portal, 'first start');
  await stopClean(first.portal, 'first start');

  const { demo, offer } = await withDatabase(dataDir, async (db) => {
    const rows = (
      await db.query<{ id: string; minQuantity: number }>(
        `SELECT id, "minQuantity" FROM "Offer" WHERE active AND NOT "isAzurePlan"
         ORDER BY "minQuantity", name, id LIMIT 1`,
      )
    ).rows;
    if (!rows[0]) throw new Error('The demo data has no active offer to order');
    return {
      demo: await snapshot(db),
      offer: { id: rows[0].id, quantity: Math.max(1, rows[0].minQuantity) } satisfies OrderOffer,
    };
  });
  c.check(
    (demo.rows.get('Customer') ?? 0) > 0 && (demo.rows.get('Organization') ?? 0) > 0,
    `the demo data is there (${[...demo.rows]
      .filter(([, n]) => n)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')})`,
  );

  // ---- Warm-up: two orders that complete; the second one's time is a submission's usual length.
  const tag = Date.now().toString(36).slice(-6);
  const committed: Placed[] = [];
  const { portal } = await start(dataDir);
  jar ??= await signInHttp(portal.base, ADMIN);
  const actionId = findActionId(ROOT);
  let span = 0;
  for (const run of [`${tag}w0`, `${tag}w1`]) {
    span = await submitOrder(portal.base, cookieHeader(jar), actionId, offer, run);
    committed.push(order(run));
  }
  span = Math.max(span, 5);
  summary.push(
    `warm-up order submission ${Math.round(span)} ms; ` +
      `rounds 1–${ROUNDS} kill at 0–${KILL_SPREAD}× the round's own submission length, ` +
      `rounds ${ROUNDS + 1}–${ROUNDS + COMMIT_ROUNDS} at the first WAL write`,
  );

  await killRounds({ dataDir, demo, offer, portal, jar, actionId, span, tag, committed, summary });
  await halfMadeFirstStarts(demo, seedMs, summary);
} catch (error) {
  c.check(false, `the run ended early: ${(error as Error).stack ?? error}`);
} finally {
  await cleanUp();
}

for (const line of summary) console.log(`  ${line}`);
console.log(
  `${c.failed() ? '✗' : '✓'} [crash] ${c.passed()} passed, ${c.failed()} failed ` +
    `(${((performance.now() - began) / 1000).toFixed(0)} s)`,
);
process.exit(c.failed() ? 1 : 0);
