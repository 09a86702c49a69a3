// Every setting the product reads from the environment, in one zod schema with
// its default (README "Configuration" lists the same names; a unit test keeps
// the two in step, and the linter refuses `process.env` outside lib/env*).
//
// No 'server-only' marker: the web app (lib/env.ts, and proxy.ts through
// lib/auth/session-times.ts) and the product's own processes
// (scripts/start.ts under plain `node --import tsx`, scripts/mail-worker.ts)
// all read through this file.
//
// Two ways to read:
// - `parseEnv()`: every setting at once; lib/env.ts does it at import for the
//   values the web app fixes when a module loads (VENDOR_NAME, TENANT_DOMAIN).
// - `readEnv(key)`: one setting, through the same schema, at call time. Used
//   wherever the code read the variable per call before, on purpose: the start
//   script sets DATABASE_URL (embedded database), DATABASE_POOL_MAX and
//   NEXTAUTH_SECRET in its own process after these modules may have loaded, and
//   tests change DATABASE_URL, SMTP_URL, SESSION_IDLE_MINUTES,
//   SESSION_MAX_HOURS, TRUST_PROXY and NEXTAUTH_URL at run time
//   (process.env assignments, vi.stubEnv).
//
// Not in the schema:
// - Framework variables: NODE_ENV and NEXT_RUNTIME (Next.js replaces
//   `process.env.NODE_ENV` / `process.env.NEXT_RUNTIME` at build time, which
//   drops the other runtime's code, so they stay literal reads in proxy.ts and
//   instrumentation.ts; the lint rule lets exactly these through) and
//   NEXT_PHASE (set by `next build`). The start script also hands the
//   framework NODE_ENV, NEXT_TELEMETRY_DISABLED and AUTH_TRUST_HOST (next-auth)
//   through `setEnv`; next-auth reads NEXTAUTH_URL and NEXTAUTH_SECRET itself too.
// - The test harness's variables (E2E_TARGET, E2E_JSON_REPORT, E2E_PORT,
//   E2E_SERVER_LOG, E2E_MAIL_LOG, BENCH_*, PC_FAULT_*, PC_TEST_DB_VERBOSE,
//   VITEST_POOL_ID, …), read by tests/, playwright.config.ts and the test and
//   bench scripts (scripts/test*.ts, scripts/e2e-*.ts, scripts/bench/): they
//   are not product settings.
// - Developer tools outside the product's processes: prisma.config.ts
//   (DATABASE_URL for `prisma generate`), scripts/prisma-generate.mjs
//   (PRISMA_SCHEMA_ENGINE_BINARY) and scripts/db/seed-scale.ts (PGHOST,
//   SEED_SCALE_EXPLAIN, …).
import { z } from 'zod';

/** The sender of every message when MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Partner Center <no-reply@partner-center.example>';
/** The demo accounts' password when DEMO_PASSWORD is not set. */
export const DEFAULT_DEMO_PASSWORD = 'Demo-Passw0rd!';

/** Unset or empty: undefined. */
const optionalText = z
  .string()
  .optional()
  .transform((raw) => raw || undefined);

/** `1` turns it on; anything else (or nothing) leaves it off. */
const onWhenOne = z
  .string()
  .optional()
  .transform((raw) => raw === '1');

/** A positive number, else the default (unset, empty, zero, negative and nonsense alike). */
function positiveOr(fallback: number) {
  return z
    .string()
    .optional()
    .transform((raw) => {
      const n = Number(raw);
      return raw && Number.isFinite(n) && n > 0 ? n : fallback;
    });
}

export const envSchema = z.object({
  /** A PostgreSQL server; unset or empty: the embedded database (npm start). */
  DATABASE_URL: optionalText,
  /** Unset or empty: made once into the data folder (npm start). */
  NEXTAUTH_SECRET: optionalText,
  /** Unset or empty: the address the browser used. */
  NEXTAUTH_URL: optionalText,
  /** Trimmed; unset or blank: no SMTP server, mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((raw) => raw?.trim() || undefined),
  /** Trimmed; unset or blank: the portal's no-reply address. */
  MAIL_FROM: z
    .string()
    .optional()
    .transform((raw) => raw?.trim() || DEFAULT_MAIL_FROM),
  /** True (the default) unless `off`: the web process delivers the outbox itself. */
  MAIL_WORKER: z
    .string()
    .default('on')
    .transform((raw) => raw !== 'off'),
  VENDOR_NAME: z.string().min(1).default('Microsoft'),
  TENANT_DOMAIN: z.string().min(3).default('onmicrosoft.example'),
  /** Unset or empty: the demo password. */
  DEMO_PASSWORD: z
    .string()
    .optional()
    .transform((raw) => raw || DEFAULT_DEMO_PASSWORD),
  /** Taken as a number as written (empty is 0: any free port). */
  PORT: z.string().default('3000').transform(Number),
  HOST: z.string().default('0.0.0.0'),
  PC_DATA_DIR: z.string().default('.data'),
  /** Taken as a number as written; pg's own default (10) stands in for 0 and nonsense. */
  DATABASE_POOL_MAX: z.string().default('10').transform(Number),
  /** Taken as a number as written. */
  DATABASE_POOL_IDLE_SECONDS: z.string().default('10').transform(Number),
  /** Number of trusted reverse proxies: `true`/`yes` is one; 0 (off) unless a positive integer. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) => {
      const raw = (value ?? '').trim().toLowerCase();
      if (raw === 'true' || raw === 'yes') return 1;
      const hops = Number(raw);
      return Number.isInteger(hops) && hops > 0 ? hops : 0;
    }),
  /** Minutes (8 hours by default). */
  SESSION_IDLE_MINUTES: positiveOr(8 * 60),
  /** Hours (7 days by default). */
  SESSION_MAX_HOURS: positiveOr(7 * 24),
  /** Partner API requests one app may make in a minute (500 by default). */
  API_QUOTA_PER_MINUTE: positiveOr(500),
  /** npm start seeds the demo data on a configured DATABASE_URL too. */
  PC_SEED_DEMO: onWhenOne,
  /** npm start adds the browser suite's records to a new embedded database. */
  PC_E2E_FIXTURES: onWhenOne,
  /** Enables /api/test/clock (end-to-end test server only). */
  PC_TEST_CLOCK: onWhenOne,
  /** Serves /bench-floor (npm run bench only). */
  PC_BENCH: onWhenOne,
  /**
   * npm run bench only (with PC_BENCH): a JSON file of the API lists' own
   * statements, which /api/bench-floor?benchSql=<name> runs before its fixed rows.
   */
  PC_BENCH_SQL: z.string().min(1).optional(),
  /**
   * Development and tests only: webhook endpoints may be plain http and on
   * private or loopback addresses (lib/webhooks/ssrf.ts refuses them otherwise).
   */
  WEBHOOK_ALLOW_PRIVATE: onWhenOne,
  /** Contains `schema-engine`: the migration engine's trace lines go to stderr. */
  DEBUG: z.string().optional(),
});

export type Env = z.output<typeof envSchema>;
export type EnvKey = keyof Env;
type EnvSource = Record<string, string | undefined>;

/** Every setting at once; a refused value throws a ZodError naming the variable. */
export function parseEnv(source: EnvSource = process.env): Env {
  return envSchema.parse(source);
}

const oneKeySchemas = new Map<EnvKey, z.ZodType>();
/** The last value parsed for each key from process.env, with the text it came from (every value is a primitive). */
const parsed = new Map<EnvKey, { raw: string | undefined; value: unknown }>();

/**
 * One setting, read from the environment as it is now (the same schema, the
 * same ZodError). A value read again from process.env is parsed again only
 * when its text changed (tests change settings at run time): pages read
 * several settings on every request.
 */
export function readEnv<K extends EnvKey>(key: K, source: EnvSource = process.env): Env[K] {
  const raw = source[key];
  const last = source === process.env ? parsed.get(key) : undefined;
  if (last && last.raw === raw) return last.value as Env[K];
  let schema = oneKeySchemas.get(key);
  if (!schema) {
    schema = z.object({ [key]: envSchema.shape[key] });
    oneKeySchemas.set(key, schema);
  }
  const value = (schema.parse(source) as Pick<Env, K>)[key];
  if (source === process.env) parsed.set(key, { raw, value });
  return value;
}

/**
 * True when the variable has a value of its own (not unset, not empty), i.e.
 * its default is not in use: a configured DEMO_PASSWORD is a secret and is
 * never printed, even when it equals the default.
 */
export function envIsSet(key: EnvKey, source: EnvSource = process.env): boolean {
  return Boolean(source[key]);
}

/**
 * Hands values on to what runs in this process after it (the Next.js server,
 * next-auth) and to child processes (`next build`): the start script's embedded
 * DATABASE_URL, the generated NEXTAUTH_SECRET, framework variables.
 */
export function setEnv(values: Record<string, string>): void {
  Object.assign(process.env, values);
}
