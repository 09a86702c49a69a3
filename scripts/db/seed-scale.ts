// `npm run db:seed:scale`: a database at a large distributor's size, for
// measuring lists and the bench. By default 5 providers, 10,000 resellers,
// 100,000 customers (60 % under the demo's Northwind Distribution), 300,000
// subscriptions with their reseller association periods, 1,000,000 audit
// events and 50,000 outbox messages, generated inside PostgreSQL with
// set-based INSERT … SELECT (scale/sql.ts), in one transaction.
//
//   npm run db:seed:scale -- --customers 10000     (others scale with it)
//   flags: --providers --resellers --customers --subscriptions --audit-events
//          --outbox (each on its own), --fresh, --force
//
// Target: $DATABASE_URL when set; otherwise the local PostgreSQL on
// 127.0.0.1:5432 (user postgres), database `partner_center_scale`, created
// when missing. A server other than this machine (localhost, 127.0.0.1, ::1
// or a unix socket) is refused unless --force: the script writes a lot.
// On the embedded database (`npm start` without a server) it works over its
// one connection; stop the app first, since it holds that connection.
//
// Steps: apply the migrations, add the demo data (prisma/seed.ts: the demo
// accounts sign in as usual, and see the scale data), then the scale rows.
// A database that already holds scale data (ids starting with "sc") is left
// unchanged. --fresh empties such a database (every table: demo data, scale
// data and whatever was added since) and seeds it again; it never empties a
// database without scale data.
//
// Speed (2 cores, PostgreSQL 15): ≈ 1 minute at the default sizes. The bulk
// tables are loaded without their keys, indexes and foreign keys, rebuilt
// after from their own definitions (dropForBulkLoad); the whole load is one
// transaction, so those tables are locked until it commits and a failure
// leaves nothing behind. SEED_SCALE_EXPLAIN=<part of a step's label> prints
// that step's plans with actual row counts (EXPLAIN ANALYZE, which runs the
// statement) and the time of each rebuilt index: where to look if it slows.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { seed } from '../../prisma/seed';
import { applyMigrations } from './migrate';
import { DEFAULT_SIZES, type ScaleSizes } from './scale/sizes';
import { scaleSteps, type ScaleRefs } from './scale/sql';

export { DEFAULT_SIZES, type ScaleSizes };

export type SeedScaleOptions = { force?: boolean; fresh?: boolean; log?: (line: string) => void };

/** Tables reported at the end, in the order they are filled. */
export const SCALE_TABLES = [
  'Organization',
  'ProviderProfile',
  'User',
  'Partnership',
  'Customer',
  'Offer',
  'Subscription',
  'SubscriptionResellerAssociation',
  'AuditEvent',
  'OutboxMessage',
] as const;

/** The big tables, loaded without keys, indexes and foreign keys, which are
 * rebuilt after (dropForBulkLoad). */
const BULK_TABLES = [
  'Partnership',
  'Customer',
  'Subscription',
  'SubscriptionResellerAssociation',
  'AuditEvent',
  'OutboxMessage',
];

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const DEFAULT_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_DATABASE = 'partner_center_scale';

const count = z.number().int().min(0).max(100_000_000);
const sizesSchema = z
  .object({
    providers: z.number().int().min(1).max(99_999),
    resellers: z.number().int().min(0).max(189_999),
    customers: count.max(9_999_999),
    subscriptions: count,
    auditEvents: count,
    outbox: count,
  })
  .refine((s) => s.customers === 0 || s.resellers > 0, { message: 'customers need at least one reseller' })
  .refine((s) => s.subscriptions === 0 || s.customers > 0, { message: 'subscriptions need customers' })
  .refine((s) => s.auditEvents === 0 || s.subscriptions > 0, { message: 'audit events need subscriptions' })
  .refine((s) => s.outbox === 0 || s.customers > 0, { message: 'outbox messages need customers' });

/** Fills in what is not given: with --customers alone the others keep the
 * defaults' proportions (10,000 → 1,000 resellers, 30,000 subscriptions…);
 * providers stay 5. */
export function resolveSizes(given: Partial<ScaleSizes>): ScaleSizes {
  const factor = given.customers === undefined ? 1 : given.customers / DEFAULT_SIZES.customers;
  const scaled = (key: keyof ScaleSizes) => given[key] ?? Math.round(DEFAULT_SIZES[key] * factor);
  const sizes = {
    providers: given.providers ?? DEFAULT_SIZES.providers,
    resellers: given.resellers ?? (given.customers === 0 ? 0 : Math.max(1, scaled('resellers'))),
    customers: scaled('customers'),
    subscriptions: scaled('subscriptions'),
    auditEvents: scaled('auditEvents'),
    outbox: scaled('outbox'),
  };
  const parsed = sizesSchema.safeParse(sizes);
  if (!parsed.success)
    throw new Error(
      `Invalid sizes: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'sizes'}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** True for this machine: localhost, 127.0.0.1, ::1 or a unix socket. */
export function isLocalDatabaseUrl(url: string): boolean {
  const parsed = new URL(url);
  const hostParam = parsed.searchParams.get('host');
  if (hostParam) return hostParam.startsWith('/') || LOCAL_HOSTS.has(hostParam);
  const host = decodeURIComponent(parsed.hostname);
  if (host === '')
    return !process.env.PGHOST || process.env.PGHOST.startsWith('/') || LOCAL_HOSTS.has(process.env.PGHOST);
  return host.startsWith('/') || LOCAL_HOSTS.has(host);
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const n = (value: number) => value.toLocaleString('en-US');

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function hasScaleData(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(`SELECT
      EXISTS (SELECT 1 FROM "Organization" WHERE starts_with(id, 'sc'))
   OR EXISTS (SELECT 1 FROM "Customer" WHERE starts_with(id, 'sc'))
   OR EXISTS (SELECT 1 FROM "AuditEvent" WHERE starts_with(id, 'sc'))
   OR EXISTS (SELECT 1 FROM "OutboxMessage" WHERE starts_with(id, 'sc')) AS found`);
  return rows[0]?.found ?? false;
}

async function emptyAllTables(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{
    list: string | null;
  }>(`SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') AS list
      FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`);
  if (rows[0]?.list) await client.query(`TRUNCATE ${rows[0].list} CASCADE`);
}

export async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; rows: string }>(
    SCALE_TABLES.map((t) => `SELECT '${t}' AS name, count(*) AS rows FROM "${t}"`).join(' UNION ALL '),
  );
  const byName = new Map(rows.map((r) => [r.name, Number(r.rows)]));
  return Object.fromEntries(SCALE_TABLES.map((t) => [t, byName.get(t) ?? 0]));
}

/** What the scale data hangs on: the demo's Northwind, a demo user's password hash. */
async function loadRefs(client: pg.Client): Promise<ScaleRefs> {
  const northwind = await client.query<{ id: string; legalName: string }>(
    `SELECT id, "legalName" FROM "Organization" WHERE "mpnId" = '4100001' AND kind = 'INDIRECT_PROVIDER'`,
  );
  const admin = await client.query<{ passwordHash: string }>(
    `SELECT "passwordHash" FROM "User" WHERE email = 'admin@northwind.example'`,
  );
  const offers = await client.query<{ sku: string }>(
    `SELECT sku FROM "Offer" WHERE sku IN ('M365-BB', 'M365-BS', 'M365-BP', 'M365-E3', 'AZURE-PLAN')`,
  );
  if (!northwind.rows[0] || !admin.rows[0] || offers.rows.length !== 5) {
    throw new Error(
      'The demo data is missing (Northwind Distribution, MPN ID 4100001, admin@northwind.example and the five ' +
        'demo offers): the database already had organisations, so the demo seed was skipped. Use an empty database.',
    );
  }
  const clash = await client.query<{ mpnId: string }>(
    `SELECT "mpnId" FROM "Organization"
      WHERE "mpnId" BETWEEN '4100002' AND '4199999' OR "mpnId" BETWEEN '5210001' AND '5399999'
      LIMIT 1`,
  );
  if (clash.rows[0])
    throw new Error(
      `MPN ID ${clash.rows[0].mpnId} is taken: the scale data uses 4100002–4199999 and 5210001–5399999. ` +
        'Use an empty database.',
    );
  return {
    northwindId: northwind.rows[0].id,
    northwindName: northwind.rows[0].legalName,
    passwordHash: admin.rows[0].passwordHash,
    tenantDomain: process.env.TENANT_DOMAIN || 'onmicrosoft.example',
  };
}

type Rebuild = { label: string; drop: string; create: string };

/**
 * Drops the primary keys, secondary indexes and foreign keys of `tables` (and
 * the foreign keys pointing at them) and returns the statements that put them
 * back, in a working order, from PostgreSQL's own definitions: the same
 * names and definitions as the migrations made (indexes added by later
 * migrations included). Building an index once over all rows, and checking a
 * foreign key with one join, is several times faster than doing both row by
 * row (measured: 1.3 s against 0.35 s per 100,000 audit events).
 */
async function dropForBulkLoad(client: pg.Client, tables: string[]): Promise<Rebuild[]> {
  const { rows } = await client.query<Rebuild & { kind: string }>(
    `WITH t AS (SELECT oid FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relname = ANY($1))
     SELECT 'f' AS kind, format('foreign key %I', c.conname) AS label,
            format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
              AS create
       FROM pg_constraint c
      WHERE c.contype = 'f' AND (c.conrelid IN (SELECT oid FROM t) OR c.confrelid IN (SELECT oid FROM t))
     UNION ALL
     SELECT 'p', format('primary key %I', c.conname),
            format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
       FROM pg_constraint c WHERE c.contype = 'p' AND c.conrelid IN (SELECT oid FROM t)
     UNION ALL
     SELECT 'i', format('index %s', i.indexrelid::regclass), format('DROP INDEX %s', i.indexrelid::regclass),
            pg_get_indexdef(i.indexrelid)
       FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM t)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  const order = (kinds: string) => rows.filter((r) => kinds.includes(r.kind));
  for (const r of order('f')) await client.query(r.drop);
  for (const r of [...order('p'), ...order('i')]) await client.query(r.drop);
  return [...order('p'), ...order('i'), ...order('f')];
}

/** ResellerLicenceCount from scratch (the trigger keeps it afterwards). */
const RECOUNT_LICENCES = `
  DELETE FROM "ResellerLicenceCount";
  INSERT INTO "ResellerLicenceCount" ("providerId", "resellerId", "licences")
  SELECT c."providerId", s."resellerId", sum(s.quantity)::int
    FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
   WHERE s.status = 'ACTIVE' AND s."resellerId" IS NOT NULL
   GROUP BY c."providerId", s."resellerId"`;

/**
 * Fills `databaseUrl` with scale data (see the file header); returns the row
 * count of each table. Uses one connection at a time (the embedded server
 * serves one).
 */
export async function seedScale(
  databaseUrl: string,
  given: Partial<ScaleSizes>,
  opts: SeedScaleOptions = {},
): Promise<Record<string, number>> {
  const log = opts.log ?? (() => {});
  if (!opts.force && !isLocalDatabaseUrl(databaseUrl)) {
    throw new Error(
      `Refusing to fill ${new URL(databaseUrl).hostname}: not this machine. ` +
        'Scale data is for local databases; pass --force to fill it anyway.',
    );
  }
  const sizes = resolveSizes(given);
  const started = performance.now();

  let t = performance.now();
  const applied = await applyMigrations(databaseUrl);
  log(`migrations: ${applied.length ? `${applied.length} applied` : 'up to date'} (${seconds(t)})`);

  let client = await connect(databaseUrl);
  try {
    if (await hasScaleData(client)) {
      if (!opts.fresh) {
        log('The database already holds scale data: nothing changed (--fresh empties it and seeds again).');
        return await countRows(client);
      }
      t = performance.now();
      await emptyAllTables(client);
      log(`--fresh: emptied every table (${seconds(t)})`);
    }
  } finally {
    await client.end(); // before the demo seed opens its own connection
  }

  t = performance.now();
  log(`demo data: ${await seed(databaseUrl)} (${seconds(t)})`);

  client = await connect(databaseUrl);
  try {
    const {
      rows: [version],
    } = await client.query<{ v: string }>('SELECT version() AS v');
    const embedded = version?.v.includes('PGlite') ?? false;
    const refs = await loadRefs(client);
    log(
      `sizes: ${Object.entries(sizes)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(', ')}`,
    );
    await client.query('BEGIN');
    await client.query('SET LOCAL synchronous_commit = off');
    // Room for the sorts of index builds and the hash joins (not on PGlite,
    // whose WASM heap is small and whose scale runs are small too).
    if (!embedded) await client.query(`SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL work_mem = '64MB'`);
    t = performance.now();
    // Licence counts are kept by a trigger row by row; here they are counted once at the end.
    // Each subscription's customer manager (kept by a trigger too) is written by the INSERT itself.
    await client.query('ALTER TABLE "Subscription" DISABLE TRIGGER "subscription_licence_count"');
    await client.query('ALTER TABLE "Subscription" DISABLE TRIGGER "subscription_customer_manager"');
    const rebuild = await dropForBulkLoad(client, BULK_TABLES);
    for (const step of scaleSteps(sizes, refs)) {
      t = performance.now();
      let inserted = 0;
      for (const sql of step.statements) {
        if (
          process.env.SEED_SCALE_EXPLAIN &&
          step.label.includes(process.env.SEED_SCALE_EXPLAIN) &&
          /^\s*(INSERT|CREATE TEMP TABLE \w+ ON COMMIT DROP AS)/.test(sql)
        ) {
          const plan = await client.query(`EXPLAIN (ANALYZE, TIMING OFF) ${sql}`);
          log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
          continue;
        }
        const result = await client.query(sql);
        if (sql.trimStart().startsWith('INSERT INTO "')) inserted += result.rowCount ?? 0;
      }
      log(`${step.label}: ${n(inserted)} rows (${seconds(t)})`);
    }
    t = performance.now();
    for (const r of rebuild) {
      const one = performance.now();
      await client.query(r.create);
      if (process.env.SEED_SCALE_EXPLAIN) log(`  ${r.label} ${seconds(one)}`);
    }
    log(`keys, indexes and foreign keys: ${rebuild.length} rebuilt (${seconds(t)})`);
    t = performance.now();
    await client.query('ALTER TABLE "Subscription" ENABLE TRIGGER "subscription_licence_count"');
    await client.query('ALTER TABLE "Subscription" ENABLE TRIGGER "subscription_customer_manager"');
    await client.query(RECOUNT_LICENCES);
    log(`licence counts: recounted (${seconds(t)})`);
    t = performance.now();
    await client.query('COMMIT');
    log(`commit (${seconds(t)})`);
    t = performance.now();
    // Statistics for the planner, and the visibility map for index-only scans.
    await client.query(`VACUUM (ANALYZE) ${SCALE_TABLES.map((name) => `"${name}"`).join(', ')}`);
    log(`vacuum analyze (${seconds(t)})`);
    const counts = await countRows(client);
    log(`total ${seconds(started)}`);
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

const FLAGS = {
  providers: 'providers',
  resellers: 'resellers',
  customers: 'customers',
  subscriptions: 'subscriptions',
  'audit-events': 'auditEvents',
  outbox: 'outbox',
} as const;

const USAGE = `Usage: npm run db:seed:scale -- [--customers N] [--resellers N] [--providers N] [--subscriptions N]
                              [--audit-events N] [--outbox N] [--fresh] [--force]
Defaults: ${Object.entries(FLAGS)
  .map(([flag, key]) => `--${flag} ${n(DEFAULT_SIZES[key])}`)
  .join(', ')}.
With --customers alone the other sizes keep the defaults' proportions.
--fresh: empty a database that holds scale data and seed it again. --force: allow a server on another machine.`;
const flagNumber = z
  .string()
  .regex(/^\d[\d_,]*$/, 'expected a whole number')
  .transform((s) => Number(s.replace(/[_,]/g, '')));

/** Parses the command line; throws with a readable message on bad flags. */
export function parseFlags(argv: string[]): {
  sizes: Partial<ScaleSizes>;
  force: boolean;
  fresh: boolean;
  help: boolean;
} {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      force: { type: 'boolean' },
      fresh: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const sizes: Partial<ScaleSizes> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const raw = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof raw !== 'string') continue;
    const parsed = flagNumber.safeParse(raw);
    if (!parsed.success) throw new Error(`--${flag} ${raw}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    sizes[key] = parsed.data;
  }
  resolveSizes(sizes); // reports impossible combinations now, before any work
  return { sizes, force: values.force === true, fresh: values.fresh === true, help: values.help === true };
}

/** $DATABASE_URL, else the local server's partner_center_scale (created when missing). */
async function resolveTarget(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  let client: pg.Client;
  try {
    client = await connect(DEFAULT_SERVER);
  } catch {
    throw new Error(
      'No database: DATABASE_URL is not set and no PostgreSQL answers on 127.0.0.1:5432. ' +
        'Set DATABASE_URL or start PostgreSQL.',
    );
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DEFAULT_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DEFAULT_DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(DEFAULT_SERVER);
  url.pathname = `/${DEFAULT_DATABASE}`;
  return url.href;
}

async function main(): Promise<void> {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    process.exit(1);
  }
  if (flags.help) return console.log(USAGE);
  const url = await resolveTarget();
  const where = new URL(url);
  console.log(`Scale data into ${where.host}${where.pathname}`);
  const started = performance.now();
  const counts = await seedScale(url, flags.sizes, {
    force: flags.force,
    fresh: flags.fresh,
    log: (line) => console.log(line),
  });
  const width = Math.max(...Object.keys(counts).map((k) => k.length));
  console.log(`\n${'table'.padEnd(width)}  ${'rows'.padStart(11)}`);
  for (const [table, rows] of Object.entries(counts)) console.log(`${table.padEnd(width)}  ${n(rows).padStart(11)}`);
  console.log(`${'total time'.padEnd(width)}  ${seconds(started).padStart(11)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
