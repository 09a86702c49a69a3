// The server the end-to-end suite's second run goes against: the default run
// itself. `npm start` exactly as the README gives it — no DATABASE_URL, so a
// new embedded database (PGlite) in a data folder of its own, migrated and
// filled with the demo data by the start script, the production build served
// in the same process. What differs from a newcomer's terminal is only what
// the suite needs to see: the port, a real SMTP server receiving the mail
// (E2E_MAIL_LOG), the test clock (PC_TEST_CLOCK) and the suite's extra
// records (PC_E2E_FIXTURES, tests/e2e/fixtures.ts). Playwright starts this
// and stops it with SIGTERM, passed on to npm and the portal as a terminal's
// Ctrl+C; the data folder is removed once they are gone.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSmtpServer } from '../tests/setup/smtp';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3300);
const serverLog = process.env.E2E_SERVER_LOG;
const mailLog = process.env.E2E_MAIL_LOG;
const dataDir = mkdtempSync(path.join(tmpdir(), 'pc-e2e-default-run-'));

const smtp = await startSmtpServer({
  onMessage: (mail) => mailLog && appendFileSync(mailLog, `${JSON.stringify(mail)}\n`),
});

const env: NodeJS.ProcessEnv = { ...process.env };
for (const key of ['DATABASE_URL', 'DATABASE_POOL_MAX', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'AUTH_TRUST_HOST'])
  delete env[key];
Object.assign(env, {
  PORT: String(port),
  HOST: '127.0.0.1',
  PC_DATA_DIR: dataDir,
  SMTP_URL: smtp.url,
  PC_TEST_CLOCK: '1',
  PC_E2E_FIXTURES: '1',
  // The webhook browser test's receiver listens on 127.0.0.1 over http (development and tests only).
  WEBHOOK_ALLOW_PRIVATE: '1',
  // The same password the demo accounts have anyway, but set: the start
  // banner then does not print it, and the log check holds it as a secret
  // that no other line of the log may carry.
  DEMO_PASSWORD: process.env.DEMO_PASSWORD || 'Demo-Passw0rd!',
});

// Its own process group, so that a stop reaches npm, its shell and the portal.
const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
for (const [from, to] of [
  [child.stdout!, process.stdout],
  [child.stderr!, process.stderr],
] as const) {
  from.on('data', (chunk: Buffer) => {
    if (serverLog) appendFileSync(serverLog, chunk);
    to.write(chunk);
  });
}
const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** True while any process of the group (npm, its shell, the portal) is alive. */
function groupAlive(): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // As a terminal's Ctrl+C: SIGINT to the whole foreground group. npm ends at
  // once; the portal closes its web server, then the database.
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    // already gone
  }
  await exited;
  for (let waited = 0; groupAlive() && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive()) {
    console.error('npm start was still running 30 s after Ctrl+C: killed');
    process.kill(-child.pid!, 'SIGKILL');
  }
  await smtp.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
void exited.then((code) => {
  if (stopping) return;
  console.error(`npm start exited on its own (code ${code})`);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
