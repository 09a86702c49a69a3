// The embedded database (PGlite behind its socket) gives each new connection
// a session as a PostgreSQL server would: nothing a previous connection left
// behind reaches it. Without it, the lists' named prepared statements broke
// every list once the pool had closed an idle connection (issue: "prepared
// statement … already exists" after 10 s idle).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/db/embedded';

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir: `memory://session-${process.pid}` });
});
afterAll(async () => {
  await embedded?.stop();
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  return client;
}

async function close(client: pg.Client): Promise<void> {
  const closed = new Promise((resolve) => client.once('end', resolve));
  await client.end();
  await closed;
}

describe('the embedded database starts each connection afresh', () => {
  it('a pool that closed its idle connection prepares the same named statement again', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: 1, idleTimeoutMillis: 100 });
    try {
      const statement = { name: 'pc_same_name', text: 'SELECT $1::int + 1 AS n', values: [1] };
      expect((await pool.query(statement)).rows).toEqual([{ n: 2 }]);
      // The pool closes the idle connection; the next query opens another.
      await new Promise((r) => setTimeout(r, 400));
      expect(pool.totalCount).toBe(0);
      expect((await pool.query({ ...statement, values: [41] })).rows).toEqual([{ n: 42 }]);
    } finally {
      await pool.end();
    }
  });

  it('no prepared statement, setting, temporary table, advisory lock or open transaction survives the connection', async () => {
    const first = await connect();
    first.on('error', () => {}); // it is cut off below, on purpose
    await first.query('PREPARE left_behind AS SELECT 1');
    await first.query("SET statement_timeout = '1234ms'");
    await first.query('CREATE TEMP TABLE left_behind_temp (id int)');
    await first.query('SELECT pg_advisory_lock(4242)');
    await first.query('BEGIN');
    await first.query('CREATE TABLE left_in_transaction (id int)');
    // The client goes away in the middle of its transaction.
    first.connection.stream.destroy();
    await new Promise((r) => setTimeout(r, 50));

    const second = await connect();
    try {
      expect((await second.query('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows).toEqual([{ n: 0 }]);
      expect((await second.query('SHOW statement_timeout')).rows).toEqual([{ statement_timeout: '0' }]);
      expect((await second.query("SELECT to_regclass('left_behind_temp') IS NULL AS gone")).rows).toEqual([
        { gone: true },
      ]);
      expect((await second.query("SELECT to_regclass('left_in_transaction') IS NULL AS gone")).rows).toEqual([
        { gone: true },
      ]);
      expect((await second.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'")).rows).toEqual([
        { n: 0 },
      ]);
      // And what it does itself works as on a server.
      await second.query('PREPARE left_behind AS SELECT 2');
    } finally {
      await close(second);
    }
  });
});
