// Starts tests/faults/child.ts in its own Node process, tagged so the test
// can find its database sessions (application_name) and kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export type Child = {
  process: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** Resolves when a gated child has loaded everything and waits for go(). */
  ready: Promise<void>;
  go(): void;
};

export function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.href;
}

export function spawnChild(
  mode: 'order' | 'deliver' | 'webhooks',
  input: unknown,
  env: Record<string, string>,
  options: { gated?: boolean } = {},
): Child {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', CHILD, mode], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PC_FAULT_INPUT: JSON.stringify(input),
      NODE_OPTIONS: '',
      ...(options.gated && { PC_FAULT_GATED: '1' }),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { process: child, done, ready, go: () => void child.stdin.write('go\n') };
}

/** Polls until `check` is true (or throws after `timeoutMs`). */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Sessions of the database tagged with this application_name. */
export async function sessionsOf(
  url: string,
  applicationName: string,
): Promise<{ pid: number; state: string; waiting: boolean; query: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; state: string; waiting: boolean; query: string }>(
      `SELECT pid, state, wait_event_type = 'Lock' AS waiting, query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [applicationName],
    );
    return rows;
  } finally {
    await client.end();
  }
}
