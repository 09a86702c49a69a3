// Serves the portal with Next.js inside this process (Next's custom-server
// API), so one process holds the port and the embedded database: however it
// is stopped, nothing is left behind holding either.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import next from 'next';
import { setEnv } from '../../lib/env/schema';
import { formatAbortReasonStacks } from '../../lib/http/abort-reasons';
import { prepareDocument } from '../../lib/http/document-shell';
import { staticBrotli } from '../../lib/http/static-brotli';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type Served = { close(): Promise<void> };

/** Reads process.env as it is now: set DATABASE_URL and the secret first. */
export async function serveNext(options: { dev: boolean; port: number; hostname: string }): Promise<Served> {
  setEnv({ NODE_ENV: options.dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' });
  // tsx turns Node's source maps on (for the scripts' own stack traces). With
  // them on, Node reads and keeps the map of every server chunk it loads (18 MB
  // of .map files in .next/server) in the heap: about 140 MiB more at peak
  // (docs/decisions/0047-one-process-under-500-mib.md). A production server
  // logs its errors with the built chunks' positions instead.
  if (!options.dev) process.setSourceMapsEnabled(false);
  // Without it each render kept every later one alive (decision 0050).
  formatAbortReasonStacks();
  const createNext = ((next as unknown as { default?: typeof next }).default ?? next) as typeof next;
  const app = createNext({ dev: options.dev, dir: ROOT, hostname: options.hostname, port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The build's Brotli copies of its scripts and style sheets (decision 0052).
  const brotli = options.dev ? null : staticBrotli(path.join(ROOT, '.next', 'static'));
  const server: Server = createHttpServer((req, res) => {
    if (brotli?.(req, res)) return;
    // The socket's address, for per-address rate limits (lib/auth/client-address.ts);
    // replaces any value the client sent.
    req.headers['x-pc-client-address'] = req.socket.remoteAddress ?? 'unknown';
    prepareDocument(req, res).then(
      (answered) => {
        if (!answered) void handle(req, res);
      },
      (error: unknown) => {
        console.error(error);
        res.statusCode = 500;
        res.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname, resolve);
  });
  return {
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

/** Fails fast when something else already listens on the port. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', () =>
      reject(new Error(`Port ${port} is already in use: stop what runs there, or set PORT to another port.`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** Stops cleanly on Ctrl+C, SIGTERM, SIGHUP, or when the parent (npm) goes away. */
export function onStop(stop: () => Promise<void>): void {
  let stopping = false;
  const run = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, run);
  // npm runs us through `sh -c`; if npm itself is killed outright, the shell
  // stays and only the grandparent disappears. Watch both.
  const watched = [process.ppid, parentOf(process.ppid)].filter((pid): pid is number => !!pid && pid > 1);
  setInterval(() => {
    if (watched.some((pid) => !alive(pid))) run();
  }, 1000).unref();
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // not Linux: watch the parent only
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
