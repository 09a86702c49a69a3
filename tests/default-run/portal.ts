// The default run as a newcomer gets it: `npm start` (node --import tsx
// scripts/start.ts, which is what the npm script runs) without DATABASE_URL,
// on an embedded database in a data folder of the test's own. Used by the
// default-run tests (idle, soak, restart, two starts, kill): they start,
// stop and kill it as a person or a machine would.
// Checks, command-line numbers and browser scenarios: scenario.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { npmStartArgs } from '../setup/start-command';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Passw0rd!';

export type Portal = {
  base: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ctrl+C (SIGINT) or SIGTERM: waits for the process to end; returns its exit code. */
  stop(signal?: 'SIGINT' | 'SIGTERM'): Promise<number | null>;
  /** SIGKILL: no chance to close anything. */
  kill(): Promise<void>;
};

export function newDataDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `pc-${label}-`));
}

/** The environment `npm start` sees in a terminal: no test runner's variables, no DATABASE_URL. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATABASE_POOL_MAX;
  delete env.NEXTAUTH_SECRET;
  // The bench's floors and the test clock stay off, as in a terminal.
  delete env.PC_BENCH;
  delete env.PC_TEST_CLOCK;
  for (const key of Object.keys(env))
    if (key === 'NODE_OPTIONS' || key.startsWith('PW_') || key.startsWith('PLAYWRIGHT_') || key.startsWith('VITEST'))
      delete env[key];
  return { ...env, ...extra };
}

/**
 * Starts the portal on `dataDir` and resolves once it prints that it runs
 * (or rejects with its output if it exits first). `logFile`, when given,
 * receives a copy of everything it writes.
 */
export function startPortal(options: {
  dataDir: string;
  port: number;
  env?: Record<string, string>;
  logFile?: string;
  timeoutMs?: number;
}): Promise<Portal> {
  const { dataDir, port } = options;
  const child = spawn(process.execPath, npmStartArgs(), {
    cwd: ROOT,
    env: cleanEnv({ PORT: String(port), PC_DATA_DIR: dataDir, HOST: '127.0.0.1', ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.logFile) appendFileSync(options.logFile, chunk);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const portal: Portal = {
    base: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return (await exited).code;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not serve within ${(options.timeoutMs ?? 300_000) / 1000} s:\n${output}`));
    }, options.timeoutMs ?? 300_000);
    const check = () => {
      if (output.includes('Partner Center is running at')) {
        clearTimeout(timer);
        resolve(portal);
      }
    };
    child.stdout!.on('data', check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error(`npm start exited (${signal ?? code}) before serving:\n${output}`), { output, code }),
      );
    });
  });
}

/** Runs `npm start` on a data folder and returns how it ended, for a start that is expected to refuse. */
export function startExpectingRefusal(options: {
  dataDir: string;
  port: number;
  timeoutMs?: number;
}): Promise<{ code: number | null; output: string; served: boolean }> {
  return startPortal({ ...options, timeoutMs: options.timeoutMs ?? 120_000 }).then(
    async (portal) => {
      const output = portal.output();
      await portal.stop();
      return { code: 0, output, served: true };
    },
    (error: Error & { output?: string; code?: number | null }) => ({
      code: error.code ?? null,
      output: error.output ?? error.message,
      served: false,
    }),
  );
}

/**
 * Lines of a server log that mean something failed on the server: Next's
 * `⨯` error lines, unhandled rejections and uncaught exceptions.
 */
export function serverErrors(log: string): string[] {
  return log.split('\n').filter((line) => /⨯|unhandled ?rejection|uncaught ?exception/i.test(line));
}

// ---------------------------------------------------------------- HTTP helpers

export type Jar = Map<string, string>;
export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

export async function http(
  base: string,
  pathname: string,
  jar: Jar,
  init: { method?: string; form?: Record<string, string> } = {},
) {
  const res = await fetch(`${base}${pathname}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
    headers: { cookie: cookieHeader(jar), ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }) },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

/** next-auth's credentials sign-in as a script does it; returns the cookie jar of the session. */
export async function signInHttp(base: string, email: string, password = PASSWORD): Promise<Jar> {
  const jar: Jar = new Map();
  const { csrfToken } = JSON.parse((await http(base, '/api/auth/csrf', jar)).body) as { csrfToken: string };
  await http(base, '/api/auth/callback/credentials', jar, {
    method: 'POST',
    form: { csrfToken, email, password, json: 'true' },
  });
  if (![...jar.keys()].some((k) => k.endsWith('session-token'))) throw new Error(`sign-in as ${email} failed`);
  return jar;
}
