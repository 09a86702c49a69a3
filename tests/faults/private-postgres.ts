// A private PostgreSQL cluster for tests that stop and start the server:
// the machine's shared server (other tests use it) is never touched. Uses
// the installed binaries (Debian: /usr/lib/postgresql/<v>/bin, else PATH);
// as root it runs them as the "postgres" user (initdb refuses root).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

function findBinDir(): string | null {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(path.join(debian, v, 'bin', 'initdb'))) return path.join(debian, v, 'bin');
  }
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}

function postgresUid(): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .concat(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

const binDir = findBinDir();
const asRoot = process.getuid?.() === 0;
const pgUser = asRoot ? postgresUid() : null;

/** Why a private cluster cannot run here, or null when it can. */
export const privateClusterUnavailable: string | null = !binDir
  ? 'no PostgreSQL server binaries (initdb, pg_ctl) installed'
  : asRoot && (!pgUser || (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')))
    ? 'running as root without a "postgres" user to run initdb as'
    : null;

function run(bin: string, args: string[]): void {
  const file = path.join(binDir!, bin);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe', timeout: 60_000 });
  else execFileSync(file, args, { stdio: 'pipe', timeout: 60_000 });
}

/** A free TCP port of 127.0.0.1 in 3950–3990 (this helper's range), else any. */
async function freePort(): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(null));
      s.listen(port, '127.0.0.1', () => {
        const got = (s.address() as { port: number }).port;
        s.close(() => resolve(got));
      });
    });
  for (let p = 3950 + Math.floor(Math.random() * 40), i = 0; i < 40; i++, p = 3950 + ((p - 3950 + 1) % 41)) {
    const got = await tryPort(p);
    if (got) return got;
  }
  return (await tryPort(0))!;
}

export type PrivateCluster = { url: string; stop(): void; start(): void; destroy(): void };

export async function startPrivateCluster(): Promise<PrivateCluster> {
  if (privateClusterUnavailable) throw new Error(privateClusterUnavailable);
  const dir = mkdtempSync(path.join(tmpdir(), 'pc-fault-pg-'));
  if (pgUser) chownSync(dir, pgUser.uid, pgUser.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=30 -c shared_buffers=16MB`;
  const cluster: PrivateCluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']),
    // fast: what a restart or failover does to open sessions (they are terminated).
    stop: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']),
    destroy() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // not running
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
