// Production servers for the bench, each in its own process group (the group
// is killed at the end, whatever it started), and their peak memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { npmStartArgs } from '../../tests/setup/start-command';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type BenchServer = { name: string; base: string; pid: number; logFile: string; stop(): Promise<void> };

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// Whatever happens to the bench, its servers do not outlive it.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/** What to run: the portal (scripts/bench/serve.ts) unless told otherwise; `ready` is the line that says it serves. */
type Command = { args: string[]; cwd: string; ready: string };

export async function startServer(
  name: string,
  port: number,
  env: Record<string, string>,
  logDir: string,
  command: Command = {
    // As `npm start` runs (Node's flags, scripts/run.mjs), with the bench's own script.
    args: [...npmStartArgs().slice(0, -1), path.join(ROOT, 'scripts/bench/serve.ts')],
    cwd: ROOT,
    ready: 'bench server ready',
  },
): Promise<BenchServer> {
  const logFile = path.join(logDir, `server-${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    detached: true, // a new process group: setsid semantics for kill(-pid)
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      BENCH_PORT: String(port),
      PC_BENCH: '1',
      MAIL_WORKER: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_TRUST_HOST: '1',
    },
  });
  running.add(child);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Server ${name} did not start within 180 s (see ${logFile})`)),
      180_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(command.ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server ${name} exited with ${code} while starting (see ${logFile})`));
    });
  });
  return {
    name,
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    logFile,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') killGroup(child, 'SIGKILL');
      // Children of the group that outlived the leader.
      killGroup(child, 'SIGKILL');
      running.delete(child);
    },
  };
}

/**
 * Peak resident memory (VmHWM) summed over the processes of a group, and the
 * largest single process's (the web server itself; the others are helpers
 * such as tsx's esbuild service), in bytes.
 */
export function groupPeakMemory(pgid: number): { bytes: number; processes: number; largestBytes: number } {
  let bytes = 0;
  let processes = 0;
  let largestBytes = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5: process group
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) {
        bytes += Number(hwm[1]) * 1024;
        largestBytes = Math.max(largestBytes, Number(hwm[1]) * 1024);
        processes++;
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return { bytes, processes, largestBytes };
}
