// The first run as a newcomer meets it, measured: `npm start` on a new data
// folder (building the portal when the build is missing or stale, creating
// the embedded database with the demo data), the time until it serves and
// until the first page; the process's memory after four users opened every
// page of their navigation; a second start on the same folder.
//
//   node --import tsx scripts/bench/first-run.ts [--port 3790] [--keep-build]
//
// Without --keep-build, `.next` is removed first so the build is counted, as
// on a fresh clone. Prints the figures; writes nothing else.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { http, newDataDir, ROOT, signInHttp, startPortal } from '../../tests/default-run/portal';

const portArg = process.argv.indexOf('--port');
const PORT = portArg > 0 ? Number(process.argv[portArg + 1]) : 3790;
const USERS = [
  'admin@northwind.example',
  'admin@fabrikam.example',
  'staff@vendor.example',
  'admin@woodgrove.onmicrosoft.example',
];
const PAGES = [
  '/',
  '/customers',
  '/customers?q=bank',
  '/indirect-resellers',
  '/subscriptions',
  '/subscriptions?tab=support',
  '/audit-log',
  '/incentives',
  '/offers',
  '/mailbox',
  '/indirect-providers',
  '/find-a-provider',
];

/** Resident memory of a process (MiB): now and its peak. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

if (!process.argv.includes('--keep-build')) rmSync(path.join(ROOT, '.next'), { recursive: true, force: true });
const dataDir = newDataDir('first-run');
try {
  let t0 = performance.now();
  const first = await startPortal({ dataDir, port: PORT, timeoutMs: 900_000 });
  const serving = performance.now() - t0;
  const page = await fetch(`${first.base}/sign-in`);
  await page.text();
  const firstPage = performance.now() - t0;
  const out = first.output();
  const built = out.includes('Building the portal');
  const atStart = memory(first.child.pid!);

  let opened = 0;
  for (const email of USERS) {
    const jar = await signInHttp(first.base, email);
    for (const p of PAGES) {
      const answer = await http(first.base, p, jar);
      if (answer.status === 200) opened++;
    }
  }
  const afterPages = memory(first.child.pid!);
  await first.stop('SIGINT');

  t0 = performance.now();
  const second = await startPortal({ dataDir, port: PORT });
  const secondServing = performance.now() - t0;
  const secondMemory = memory(second.child.pid!);
  await second.stop('SIGINT');

  console.log(
    `first npm start on a new data folder${built ? ' (building the portal first)' : ' (build already there)'}: ` +
      `serving after ${seconds(serving)}, sign-in page after ${seconds(firstPage)}`,
  );
  console.log(
    `memory of the running process: ${Math.round(atStart.rss)} MiB when it serves; ` +
      `${Math.round(afterPages.rss)} MiB (peak ${Math.round(afterPages.peak)} MiB) ` +
      `after ${USERS.length} users opened ${opened} pages`,
  );
  console.log(
    `second npm start on the same folder: serving after ${seconds(secondServing)}, ${Math.round(secondMemory.rss)} MiB`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
