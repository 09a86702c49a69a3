import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from './helpers';
import { npmStartArgs } from '../setup/start-command';

// `npm start` without DATABASE_URL: a new embedded database with demo data,
// then a second start on the same data folder keeps what changed.
const port = Number(process.env.E2E_PORT ?? 3100) + 100;
const base = `http://127.0.0.1:${port}`;

function start(dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PC_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  // The test worker's module loader must not leak into the portal's processes.
  for (const key of Object.keys(env))
    if (key === 'NODE_OPTIONS' || key.startsWith('PW_') || key.startsWith('PLAYWRIGHT_')) delete env[key];
  const child = spawn(process.execPath, npmStartArgs(), {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Partner Center is running at')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

/** As Ctrl+C would: the start script stops the web server, then closes the database. */
function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

async function signInAt(page: Page, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('npm start runs on the embedded database, every demo account lands on its home, and a second start reuses the data', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pc-start-'));
  const newPassword = 'Changed-Passw0rd-2026';
  let server: ChildProcess | undefined;
  try {
    server = await start(dataDir);
    for (const account of ACCOUNTS) {
      const context = await browser.newContext();
      const accountPage = await context.newPage();
      await signInAt(accountPage, account.email, PASSWORD);
      await expect(accountPage).toHaveURL(`${base}/`);
      await expect(accountPage.getByTestId('org-name')).toHaveText(account.org);
      await context.close();
    }
    let page = await browser.newPage();
    await signInAt(page, 'sales@northwind.example', PASSWORD);
    await expect(page.getByTestId('org-name')).toHaveText('Northwind Distribution');
    await page.goto(`${base}/change-password`);
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page).toHaveURL(`${base}/`);
    await page.close();
    await stop(server);

    server = await start(dataDir);
    page = await browser.newPage();
    await signInAt(page, 'sales@northwind.example', PASSWORD);
    await expect(page.locator('form').getByRole('alert')).toHaveText('The email or password is incorrect.');
    await signInAt(page, 'sales@northwind.example', newPassword);
    await expect(page.getByTestId('org-name')).toHaveText('Northwind Distribution');
    await page.close();
    await stop(server);
  } finally {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
