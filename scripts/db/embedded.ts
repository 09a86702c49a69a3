// An embedded PostgreSQL for machines without a server: PGlite (PostgreSQL
// compiled to WASM, persisted in a folder) served over the Postgres wire
// protocol, so pg / @prisma/adapter-pg / psql connect to it like to a server.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** PGlite is one PostgreSQL backend: one session, one query at a time. The
 * socket server queues queries from all its connections onto it. See the
 * report for why this is 1 (set pg Pool `max` to at most this). */
export const EMBEDDED_MAX_CONNECTIONS = Number(process.env.PC_EMBEDDED_MAX_CONNECTIONS ?? 1);

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
  dataDir: string;
  port?: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const host = opts.host ?? '127.0.0.1';
  const isNew = !existsSync(dataDir);
  // PGlite creates the data folder itself, but not its parents.
  await mkdir(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir });

  const maxConnections = EMBEDDED_MAX_CONNECTIONS;
  const server = new PGLiteSocketServer({ db, host, port: opts.port ?? 0, maxConnections });
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
      await server.stop();
      await db.close(); // flushes to dataDir
    },
  };
}
