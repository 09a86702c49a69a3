// An embedded PostgreSQL for machines without a server: PGlite (PostgreSQL
// compiled to WASM, persisted in a folder) served over the Postgres wire
// protocol, so pg / @prisma/adapter-pg / psql connect to it like to a server.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** How many client connections the socket server accepts. PGlite is one
 * PostgreSQL backend (one session); the server feeds it the messages of all
 * connections through one queue, message by message, not query by query.
 * With 2+ connections a client's Parse/Bind/Execute can interleave with
 * another's: measured here, a 2 MB parameterised query concurrent with small
 * ones got bound to the other connection's statement ("invalid input syntax
 * for type integer"). The server supports `maxConnections` (default 1) but
 * only 1 is correct. Extra connections are refused ("Too many connections"),
 * which pg reports as "Connection terminated unexpectedly": callers must set
 * pg Pool `max: 1` (queries then queue in the pool, which costs nothing since
 * PGlite runs one query at a time anyway). */
export const EMBEDDED_MAX_CONNECTIONS = 1;

/** The server's private parts we hook into (pglite-socket 0.2.17). */
type ServerInternals = {
  handleConnection(socket: Socket): Promise<void>;
  handlers: Set<unknown>;
};

/**
 * What a PostgreSQL server does when a backend ends, done here when a client
 * connection ends: PGlite is one session for the life of the process, and
 * the socket server hands it to one connection after another without
 * starting it afresh (it only rolls back an open transaction). Without this,
 * what one connection left in the session met the next one: the portal's
 * named prepared statements (lib/db.ts, `plan: 'reuse'`) are remembered by
 * the pg client that prepared them, so once the pool closed an idle
 * connection (10 s) and opened a new one, preparing the same name again
 * failed ("prepared statement … already exists", 42P05) on every list until
 * a restart. A new connection now meets a session as a server would give
 * it: no transaction, no prepared statements or portals, no session
 * settings, temporary tables, LISTENs or advisory locks. (The alternatives
 * were weaker: unnamed statements on the embedded path lose the plan reuse
 * the lists were built on; a pool that never idles out only hides the state,
 * which migrations, the seed and every restart of the pool still share.)
 */
export async function startSessionAfresh(db: PGlite): Promise<void> {
  if (db.isInTransaction()) await db.exec('ROLLBACK');
  // Its own statement: DISCARD ALL cannot run inside a transaction block.
  await db.exec('DISCARD ALL');
}

/**
 * The server refuses a connection while the previous one is still attached,
 * and it detaches a closed socket only a few ticks after the close. So
 * `pool.end()` followed by a new connection (applyMigrations, then the app's
 * pool) failed with "Connection terminated unexpectedly" in our checks.
 * Instead, hold new sockets in a FIFO and hand them to the server one at a
 * time, once the previous connection is fully gone.
 */
function serveOneConnectionAtATime(server: PGLiteSocketServer, db: PGlite): () => void {
  const inner = server as unknown as ServerInternals;
  const handle = inner.handleConnection.bind(server);
  const waiting: Socket[] = [];
  let current: Socket | null = null;

  const admitNext = (): void => {
    if (current) return;
    // Wait until the server has dropped the previous handler.
    if (inner.handlers.size > 0) return void setImmediate(admitNext);
    const next = waiting.shift();
    if (!next) return;
    if (next.destroyed) return admitNext(); // the client gave up waiting
    current = next;
    next.once('close', () => {
      current = null;
      admitNext();
    });
    // Nothing of the previous connection's session reaches this one; the
    // socket's bytes wait in its buffer until the server reads them.
    startSessionAfresh(db).then(
      () => void handle(next),
      (error: unknown) => {
        console.error(
          `The embedded database could not reset its session for a new connection: ${(error as Error).message}`,
        );
        next.destroy();
      },
    );
  };
  inner.handleConnection = async (socket: Socket) => {
    socket.once('close', () => {
      const i = waiting.indexOf(socket);
      if (i >= 0) waiting.splice(i, 1);
    });
    waiting.push(socket);
    admitNext();
  };
  // On stop: net.Server#close waits for every socket, so drop waiting ones.
  return () => waiting.splice(0).forEach((socket) => socket.destroy());
}

export interface EmbeddedPostgres {
  /** postgresql:// URL with the real port (also when port 0 was asked). */
  url: string;
  /** True when the data folder did not exist (a fresh initdb happened). */
  isNew: boolean;
  /** Connections the server accepts; a pg Pool `max` above this makes
   * queries fail with "Connection terminated unexpectedly". */
  maxConnections: number;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: {
  /** A folder (persisted), or `memory://…` for a throwaway in-memory one. */
  dataDir: string;
  port?: number;
  host?: string;
  /** A PGlite#dumpDataDir tarball to start from instead of an empty
   * database, when the data folder is new (tests start copies of a migrated
   * template this way: ≈0.3 s, against ≈1.3 s to copy the 40 MB folder). */
  loadDataDir?: Blob;
}): Promise<EmbeddedPostgres> {
  const inMemory = opts.dataDir.startsWith('memory://');
  const dataDir = inMemory ? opts.dataDir : path.resolve(opts.dataDir);
  const host = opts.host ?? '127.0.0.1';
  const isNew = inMemory || !existsSync(dataDir);
  // PGlite creates the data folder itself, but not its parents.
  if (!inMemory) await mkdir(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create({
    dataDir,
    loadDataDir: isNew ? opts.loadDataDir : undefined,
    extensions: { pg_trgm },
  });

  const maxConnections = EMBEDDED_MAX_CONNECTIONS;
  // The server's own limit (also net.Server#maxConnections) is set high so
  // that waiting sockets are queued by serveOneConnectionAtATime, not refused.
  const server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections: 1000 });
  const dropWaiting = serveOneConnectionAtATime(server, db);
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // getServerConn() is "host:port" with the port actually bound.
  const port = Number(server.getServerConn().split(':').pop());
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let stopped = false;
  return {
    // PGlite ignores credentials; its one database is "postgres".
    url: `postgresql://postgres:postgres@${urlHost}:${port}/postgres`,
    isNew,
    maxConnections,
    async stop() {
      if (stopped) return;
      stopped = true;
      dropWaiting();
      await server.stop();
      await db.close(); // flushes to dataDir
    },
  };
}
