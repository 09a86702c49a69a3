// The crash test's first starts: a first start killed while it creates the
// database, twice, must be made again from scratch by the next start; then a
// damaged folder is refused with a clear message, never served.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { http, newDataDir, startExpectingRefusal } from './portal';
import { snapshot, withDatabase, type Snapshot } from './crash-database';
import {
  ADMIN,
  alive,
  appears,
  c,
  FIRST_START_PORT,
  folders,
  lockHolder,
  serves,
  start,
  stopClean,
  when,
} from './crash-portal';

/** `demo`: the rows of a clean first start; `seedMs`: how long its demo data took (to aim a kill into it). */
export async function halfMadeFirstStarts(demo: Snapshot, seedMs: number, summary: string[]): Promise<void> {
  // ---- A first start killed while it creates the database, twice: during
  // PGlite's initdb/migrations and during the demo data. Each next start
  // must see it half-made and make it again.
  const freshDir = newDataDir('crash-first');
  folders.push(freshDir);
  const freshLog = path.join(freshDir, 'start.log');
  // Written on a start's first output: a start killed before it has none.
  const readLog = () => (existsSync(freshLog) ? readFileSync(freshLog, 'utf8') : '');
  const marker = path.join(freshDir, 'pglite.creating');
  const kills = [
    { when: 'as soon as PGlite starts writing its folder', text: null, upTo: 300 },
    { when: 'during the demo data', text: 'Created the embedded database', upTo: Math.max(50, seedMs * 0.7) },
  ];
  for (const [i, kill] of kills.entries()) {
    const from = readLog().length;
    const starting = start(freshDir, FIRST_START_PORT, freshLog).then(
      ({ portal: p }) => ({ served: true as const, portal: p }),
      (error: Error) => ({ served: false as const, output: error.message }),
    );
    if (kill.text) await appears(freshLog, kill.text, from, starting);
    else await when(() => existsSync(marker) && existsSync(path.join(freshDir, 'pglite')), starting);
    await sleep(Math.random() * kill.upTo);
    const pid = lockHolder(freshDir);
    if (pid && pid !== process.pid && alive(pid)) process.kill(pid, 'SIGKILL');
    const ended = await starting;
    if (ended.served) await ended.portal.kill();
    const log = readLog().slice(from);
    const stage = log.includes('Demo data created.')
      ? 'after the demo data'
      : log.includes('Created the embedded database')
        ? 'during the demo data'
        : 'before the database was created';
    c.check(
      !ended.served && existsSync(marker),
      `half-made start ${i + 1}: killed ${kill.when} (${stage}); the pglite.creating marker remains`,
    );
    if (i > 0)
      c.check(
        log.includes('left half-made'),
        `half-made start ${i + 1}: it first said the database was left half-made`,
      );
  }
  const fromFinal = readLog().length;
  let remade: Awaited<ReturnType<typeof start>> | null = null;
  try {
    remade = await start(freshDir, FIRST_START_PORT, freshLog);
  } catch (error) {
    c.check(false, `the start after the half-made ones serves: ${(error as Error).message}`);
  }
  if (remade) {
    const out = readLog().slice(fromFinal);
    c.check(
      out.includes('left half-made') &&
        out.includes('Created the embedded database') &&
        out.includes('Demo data created.'),
      'the start after the half-made ones says so, creates the database again with the demo data and serves ' +
        `(${(remade.ms / 1000).toFixed(1)} s)`,
    );
    c.check(!existsSync(marker), 'the pglite.creating marker is gone once the demo data is in');
    const remadeJar = await serves(remade.portal, 'remade database');
    if (remadeJar) {
      const customers = await http(remade.portal.base, '/customers', remadeJar);
      c.check(
        customers.body.includes('Woodgrove Bank'),
        `${ADMIN} signs in and the Customers list shows Woodgrove Bank`,
      );
    }
    await stopClean(remade.portal, 'remade database');
    const full = await withDatabase(freshDir, snapshot);
    const differ = [...demo.rows]
      .filter(([table, n]) => full.rows.get(table) !== n)
      .map(([table, n]) => `${table} ${full.rows.get(table)} (expected ${n})`);
    c.check(
      differ.length === 0,
      'the remade database holds the full demo data, table for table as a clean first start' +
        (differ.length ? `; ${differ.join(', ')}` : ''),
    );
    summary.push(`half-made first start: remade and served in ${(remade.ms / 1000).toFixed(1)} s`);

    // ---- A damaged folder (its control file gone, as a disk fault or a bad
    // copy leaves it): npm start refuses with a clear message and leaves it as it is.
    rmSync(path.join(freshDir, 'pglite', 'global', 'pg_control'));
    const damaged = await startExpectingRefusal({ dataDir: freshDir, port: FIRST_START_PORT });
    c.check(
      !damaged.served && damaged.code === 1,
      `a damaged data folder: npm start exits with code ${damaged.code} without serving`,
    );
    c.check(
      /could not be opened: .*\nThe portal is not started\. Restore a copy of that folder, or move it away/.test(
        damaged.output,
      ),
      `and says so: "${damaged.output.trim().split('\n').slice(-2).join(' ')}"`,
    );
    c.check(
      existsSync(path.join(freshDir, 'pglite', 'PG_VERSION')) &&
        !existsSync(path.join(freshDir, 'pglite', 'global', 'pg_control')),
      'and leaves the folder as it found it (not made anew)',
    );
  }
}
