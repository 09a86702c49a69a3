// The scale-out test's machinery: two `npm start` web processes, each in
// its own process group, a round-robin proxy in front of them, polling, and
// the sign-in limit as lib/rate-limit configures it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer, request as forward, type Server } from 'node:http';
import path from 'node:path';
import { npmStartArgs } from '../setup/start-command';

const ROOT = path.resolve(import.meta.dirname, '../..');

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `test` every `everyMs` until it is true; throws after `timeoutMs`. */
export async function poll(
  test: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  everyMs = 250,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await test()) return;
    if (Date.now() > until) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await delay(everyMs);
  }
}

/**
 * The per-account sign-in limit as lib/rate-limit configures it (read in a
 * react-server child: lib/ is `server-only`).
 */
export function signInAccountLimit(): { max: number; windowMs: number } {
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, 'sign-in-limit.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    },
  );
  const limit = JSON.parse(out) as { max: number; windowMs: number };
  if (!Number.isInteger(limit.max) || limit.max < 2) throw new Error(`unexpected sign-in limit ${out}`);
  return limit;
}

export type Backend = { name: 'A' | 'B'; port: number; child: ChildProcess; output: string[]; exited: Promise<void> };

/** `npm start` (scripts/start.ts) in a new process group, so the whole group can be killed. */
export function startBackend(name: Backend['name'], port: number, env: Record<string, string>): Backend {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_OPTIONS: '',
    MAIL_WORKER: 'on',
  };
  // Nothing of the caller's may change what is tested (TRUST_PROXY would move
  // the rate-limit address, PC_TEST_CLOCK the clock, NEXTAUTH_URL the cookies).
  for (const key of ['NEXTAUTH_URL', 'TRUST_PROXY', 'PC_TEST_CLOCK', 'PC_SEED_DEMO']) delete childEnv[key];
  const child = spawn(process.execPath, npmStartArgs(), {
    cwd: ROOT,
    env: childEnv,
    detached: true, // setsid: its own session and process group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { name, port, child, output, exited };
}

export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the group, then SIGKILL to whatever of it is left. */
export async function stopBackend(backend: Backend): Promise<void> {
  const pid = backend.child.pid;
  if (!pid) return;
  killGroup(pid, 'SIGTERM');
  await Promise.race([backend.exited, delay(15_000)]);
  killGroup(pid, 'SIGKILL');
  await poll(() => !groupAlive(pid), 10_000, `process group ${pid} to end`, 100).catch(() => {});
}

export function tail(backend: Backend, lines = 40): string {
  return backend.output
    .join('')
    .split('\n')
    .slice(-lines)
    .map((l) => `  ${backend.name}| ${l}`)
    .join('\n');
}

// --------------------------------------------------------------------- proxy

/** Round robin over the backends; each answer says who served it in `x-served-by`. */
export async function startProxy(port: number, backends: Backend[]): Promise<Server> {
  let turn = 0;
  const server = createServer((req, res) => {
    const backend = backends[turn++ % backends.length]!;
    const upstream = forward(
      { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': backend.name });
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'x-served-by': backend.name, 'content-type': 'text/plain' });
      res.end(`proxy: ${backend.name} failed: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
