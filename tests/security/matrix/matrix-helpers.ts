// The matrix test's tools: how a call ended, a snapshot of every table, who
// holds a grant, and the summary it writes and prints.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { Conflict, Invalid, NotFound, Refused, Unauthenticated } from '@/lib/errors';
import type { Case, Outcome } from './cases';

export function classify(error: unknown): Outcome {
  if (error instanceof NotFound) return 'NotFound';
  if (error instanceof Refused) return error.messageKey === 'errors.forbidden' ? 'Forbidden' : 'Refused';
  if (error instanceof Conflict) return 'Conflict';
  if (error instanceof Invalid) return 'Invalid';
  if (error instanceof Unauthenticated) return 'Unauthenticated';
  return 'Error';
}

export async function attempt(
  run: () => Promise<unknown>,
): Promise<{ outcome: Outcome; result?: unknown; error?: unknown }> {
  try {
    return { outcome: 'ok', result: await run() };
  } catch (error) {
    // next/navigation's redirect() is not used by domain functions; anything else is a finding.
    return { outcome: classify(error), error };
  }
}

export function text(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
}

/**
 * Tables a refused call may write by design: the rate limiter counts attempts
 * (Verify counts every try, links count unknown tokens), which is the point.
 */
const COUNTERS = new Set(['RateLimit']);

/** Every row of every table but the counters, as text, per table (read with pg, not the app's client). */
export async function snapshot(): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
    );
    const out = new Map<string, string>();
    for (const { name } of tables.rows) {
      if (COUNTERS.has(name)) continue;
      const rows = await client.query(`SELECT * FROM "${name}"`);
      out.set(
        name,
        rows.rows
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n'),
      );
    }
    return out;
  } finally {
    await client.end();
  }
}

export const granted = (c: Case, ctx: Ctx) =>
  c.grant.audiences.includes(audienceOf(ctx)) &&
  (c.grant.permission === null || can(ctx, c.grant.permission)) &&
  (c.grant.when?.(ctx) ?? true);

export const label = (c: Case) => (c.variant ? `${c.fn} (${c.variant})` : c.fn);

export type Summary = {
  cells: number;
  actors: number;
  roles: number;
  resources: number;
  functions: number;
  cases: number;
  grantsChecked: number;
  refusalsChecked: number;
  leaks: number;
  unintendedWrites: number;
  overBlocked: number;
  errors: number;
  byDesign: number;
  leakList: string[];
  writtenTables: string[];
  overBlockedList: string[];
  errorList: string[];
};

/** Writes .test-output/security-matrix.json (read by `npm run test:security`) and prints the summary. */
export function report(s: Summary): void {
  mkdirSync(join(process.cwd(), '.test-output'), { recursive: true });
  writeFileSync(join(process.cwd(), '.test-output', 'security-matrix.json'), JSON.stringify(s, null, 2));
  console.log(
    [
      `Security matrix: ${s.cells} cells — ${s.actors} users (${s.roles} roles, every organisation kind) × ` +
        `${s.resources} foreign resources × ${s.functions} domain functions (${s.cases} cases)`,
      `  own organisation: ${s.grantsChecked} granted calls checked for over-blocking, ` +
        `${s.refusalsChecked} calls without the grant checked for refusal`,
      `  leaks: ${s.leaks}, unintended writes: ${s.unintendedWrites}, over-blocked grants: ${s.overBlocked}, ` +
        `errors: ${s.errors} (vendor-wide or link-holder cells by design: ${s.byDesign})`,
      ...s.leakList.map((l) => `  LEAK ${l}`),
      ...s.writtenTables.map((t) => `  WRITTEN ${t}`),
      ...s.overBlockedList.map((o) => `  OVER-BLOCKED ${o}`),
      ...s.errorList.map((e) => `  ERROR ${e}`),
    ].join('\n'),
  );
}
