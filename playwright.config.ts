import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// End-to-end tests in Chromium against a production build on demo data, on
// two targets (E2E_TARGET):
// - `server` (default): scripts/e2e-server.ts makes a throwaway database
//   (local PostgreSQL when one answers, else the embedded one), migrates and
//   seeds it, builds and serves;
// - `embedded`: the default run itself, `npm start` on a new embedded
//   database (scripts/e2e-embedded-server.ts).
const target = process.env.E2E_TARGET === 'embedded' ? 'embedded' : 'server';
const port = Number(process.env.E2E_PORT ?? (target === 'embedded' ? 3300 : 3100));
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
// Where the e2e server's SMTP listener writes what it receives (workers inherit it).
process.env.E2E_MAIL_LOG ??= path.join(tmpdir(), `pc-e2e-mail-${process.pid}.jsonl`);
const FLOWS = /tests\/e2e\/flows\//;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.E2E_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT }]]
    : [['list']],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromium ? { executablePath: chromium } : {},
  },
  // Specs under flows/ change the shared demo data (a partnership accepted,
  // another removed), so they run after every other spec has read it. Each
  // starts from records no other flow changes (tests/e2e/fixtures/flows.ts),
  // so any one runs alone and in any order.
  // The patterns hold tests/e2e/ so that a checkout in a folder named
  // "flows" does not put every spec in that project.
  // embedded-start.spec.ts starts `npm start` on its own data folders: on the
  // embedded target the whole suite already runs on it.
  projects: [
    {
      name: 'chromium',
      testIgnore: target === 'embedded' ? [FLOWS, /embedded-start\.spec\.ts/] : FLOWS,
      use: { ...devices['Desktop Chrome'] },
    },
    {
      name: 'flows',
      testMatch: /tests\/e2e\/flows\/.*\.spec\.ts$/,
      dependencies: ['chromium'],
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command:
          target === 'embedded'
            ? 'node --import tsx scripts/e2e-embedded-server.ts'
            : 'node --import tsx scripts/e2e-server.ts',
        url: `${baseURL}/sign-in`,
        timeout: 300_000,
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        env: {
          E2E_PORT: String(port),
          E2E_MAIL_LOG: process.env.E2E_MAIL_LOG,
          ...(process.env.E2E_SERVER_LOG ? { E2E_SERVER_LOG: process.env.E2E_SERVER_LOG } : {}),
        },
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
});
