// The tenant-isolation matrix (issue 7): every role of every organisation kind
// × every resource of the other channel × every domain function a page, route
// or server action uses (found by walking app/). Foreign input must be refused
// (NotFound/Refused) or answered without the other side's data; nothing may be
// written; and every grant of ROLE_PERMISSIONS must still work on our own data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { Conflict, Invalid, NotFound, Refused, Unauthenticated } from '@/lib/errors';
import { inventory } from './inventory';
import { CASES, NOT_CALLED, NO_DATA, type Case, type Outcome } from './cases';
import { buildWorld, RESOURCES, type World } from './world';

let w: World;

beforeAll(async () => {
  await resetDatabase();
  w = await buildWorld();
}, 120_000);

function classify(error: unknown): Outcome {
  if (error instanceof NotFound) return 'NotFound';
  if (error instanceof Refused) return error.messageKey === 'errors.forbidden' ? 'Forbidden' : 'Refused';
  if (error instanceof Conflict) return 'Conflict';
  if (error instanceof Invalid) return 'Invalid';
  if (error instanceof Unauthenticated) return 'Unauthenticated';
  return 'Error';
}

async function attempt(run: () => Promise<unknown>): Promise<{ outcome: Outcome; result?: unknown; error?: unknown }> {
  try {
    return { outcome: 'ok', result: await run() };
  } catch (error) {
    // next/navigation's redirect() is not used by domain functions; anything else is a finding.
    return { outcome: classify(error), error };
  }
}

function text(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
}

/**
 * Tables a refused call may write by design: the rate limiter counts attempts
 * (Verify counts every try, links count unknown tokens), which is the point.
 */
const COUNTERS = new Set(['RateLimit']);

/** Every row of every table but the counters, as text, per table (read with pg, not the app's client). */
async function snapshot(): Promise<Map<string, string>> {
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

const granted = (c: Case, ctx: Ctx) =>
  c.grant.audiences.includes(audienceOf(ctx)) &&
  (c.grant.permission === null || can(ctx, c.grant.permission)) &&
  (c.grant.when?.(ctx) ?? true);

const label = (c: Case) => (c.variant ? `${c.fn} (${c.variant})` : c.fn);

it('has a case for every page, route, server action and reading component', () => {
  const known = new Set([...CASES.map((c) => c.fn), ...Object.keys(NOT_CALLED)]);
  const missing: string[] = [];
  const entries = inventory();
  // The walk itself must find what it is there to find: actions/ and the reading components.
  expect(entries.filter((e) => e.kind === 'action' && e.file.startsWith('actions')).length).toBeGreaterThan(25);
  expect(entries.filter((e) => e.kind === 'component').length).toBeGreaterThan(0);
  for (const entry of entries) {
    if (entry.kind !== 'action' && entry.domain.length === 0 && !(entry.name in NO_DATA))
      missing.push(`${entry.kind} ${entry.name}: loads no domain function and is not in NO_DATA`);
    if (entry.kind === 'action' && entry.domain.length === 0)
      missing.push(`action ${entry.name}: calls no domain function the matrix can map`);
    for (const fn of entry.domain)
      if (!known.has(fn)) missing.push(`${entry.kind} ${entry.name}: ${fn} has no matrix case`);
  }
  expect(missing, `the matrix has no case for:\n${missing.join('\n')}`).toEqual([]);
});

it('refuses every foreign resource to every role, writes nothing, and over-blocks no grant', async () => {
  const leaks: string[] = [];
  const overBlocked: string[] = [];
  const errors: string[] = [];
  const byDesign: string[] = [];
  let cells = 0;
  let grantsChecked = 0;
  let refusalsChecked = 0;
  const markerIn = (value: unknown, c?: Case) => {
    const allowed = c?.exposes?.(w) ?? [];
    return w.markers.find((m) => !allowed.includes(m) && text(value).includes(m));
  };

  const before = await snapshot();

  // 1. The other channel's records, for every actor.
  for (const { email, ctx } of w.actors) {
    const vendor = audienceOf(ctx) === 'vendor';
    for (const c of CASES) {
      if (c.kind === 'self' || c.kind === 'public') continue;
      if (vendor && c.vendorWide) {
        byDesign.push(`${email} ${label(c)}`);
        continue;
      }
      if (c.kind === 'list') {
        cells++;
        const r = await attempt(() => c.call(ctx, '', w.theirs, w));
        if (r.outcome === 'ok') {
          const m = markerIn(r.result);
          if (m) leaks.push(`${email} ${label(c)}: shows the other channel's ${m}`);
        } else if (!['NotFound', 'Refused', 'Forbidden'].includes(r.outcome))
          errors.push(`${email} ${label(c)}: ${r.outcome} ${String(r.error)}`);
        continue;
      }
      if (c.kind === 'token') {
        for (const token of [w.theirs.invitationToken, w.theirs.requestToken]) {
          cells++;
          if (c.capability?.(ctx)) {
            byDesign.push(`${email} ${label(c)}`);
            continue;
          }
          const r = await attempt(() => c.call(ctx, token, w.theirs, w));
          if (r.outcome === 'ok') {
            // A view answers with a status; only the addressee may see "ready", and nobody the other side's data.
            const m = markerIn(r.result, c);
            const ready =
              typeof r.result === 'object' && r.result !== null && (r.result as { status?: string }).status === 'ready';
            if (!c.clean) leaks.push(`${email} ${label(c)}: a foreign link was accepted`);
            else if (m) leaks.push(`${email} ${label(c)}: a foreign link shows ${m}`);
            else if (ready) leaks.push(`${email} ${label(c)}: a foreign link is ready to accept`);
          } else if (!['NotFound', 'Refused', 'Forbidden', 'Invalid'].includes(r.outcome))
            errors.push(`${email} ${label(c)}: ${r.outcome} ${String(r.error)}`);
        }
        continue;
      }
      for (const resource of RESOURCES) {
        cells++;
        const id = w.theirs[resource];
        const r = await attempt(() => c.call(ctx, id, w.theirs, w));
        const refused =
          ['NotFound', 'Refused', 'Forbidden'].includes(r.outcome) || (c.foreignOk ?? []).includes(r.outcome);
        if (refused) continue;
        if (r.outcome === 'ok' && c.clean) {
          const m = markerIn(r.result);
          if (m) leaks.push(`${email} ${label(c)} with the other channel's ${resource}: shows ${m}`);
          continue;
        }
        if (r.outcome === 'ok' || r.outcome === 'Conflict')
          leaks.push(
            `${email} ${label(c)} with the other channel's ${resource}: ${r.outcome === 'ok' ? 'succeeded' : 'found it (Conflict)'}`,
          );
        else errors.push(`${email} ${label(c)} with the other channel's ${resource}: ${r.outcome} ${String(r.error)}`);
      }
    }
  }

  // 2. Our own records: reads (and writes that end in a stale-version Conflict) before the write check.
  const own = async (c: Case, email: string, ctx: Ctx) => {
    if (c.kind === 'public' || c.kind === 'token') return;
    const ok = granted(c, ctx);
    let id = '';
    if (c.kind === 'id') {
      if (!c.own) return;
      const found = await c.own(w, ctx);
      if (found === null) return;
      id = found;
    }
    cells++;
    // Granted: a stale version where the case has one (a Conflict proves access and writes nothing).
    // Not granted: the current data, so a missing role check would really succeed (and show in the snapshot).
    const r = await attempt(() => c.call(ctx, id, (ok ? c.ownSide?.(w) : undefined) ?? w.ours, w));
    const blocked = r.outcome === 'NotFound' || r.outcome === 'Forbidden';
    if (ok) grantsChecked++;
    else refusalsChecked++;
    if (ok && blocked)
      overBlocked.push(`${email} ${label(c)} on its own ${c.kind === 'id' ? 'record' : 'data'}: ${r.outcome}`);
    else if (ok && r.outcome === 'ok' && c.ownMarker) {
      const marker = c.ownMarker(w, ctx);
      if (marker && !text(r.result).includes(marker))
        overBlocked.push(`${email} ${label(c)}: its own ${marker} is missing`);
    } else if (
      !ok &&
      (r.outcome === 'ok' || r.outcome === 'Conflict') &&
      !(c.kind === 'list' && !c.ownMarker) &&
      !(c.vendorWide && audienceOf(ctx) === 'vendor')
    ) {
      // A list the role may not use may answer empty; anything it shows of ours is a grant the table does not give.
      const marker = c.ownMarker?.(w, ctx);
      if (c.kind !== 'list' || (marker && text(r.result).includes(marker)))
        leaks.push(`${email} ${label(c)}: allowed without the grant (${r.outcome})`);
    } else if (r.outcome === 'Error' || r.outcome === 'Unauthenticated')
      errors.push(`${email} ${label(c)} on own data: ${r.outcome} ${String(r.error)}`);
  };
  for (const { email, ctx } of w.actors) for (const c of CASES.filter((x) => !x.writes)) await own(c, email, ctx);

  const after = await snapshot();
  const written = [...before.keys()].filter((table) => before.get(table) !== after.get(table));

  // 3. Own writes (they change data, so after the snapshot).
  for (const { email, ctx } of w.actors) for (const c of CASES.filter((x) => x.writes)) await own(c, email, ctx);

  const roles = new Set(w.actors.map((a) => a.ctx.role)).size;
  const actions = new Set(CASES.map((c) => c.fn)).size;
  const summary = {
    cells,
    actors: w.actors.length,
    roles,
    resources: RESOURCES.length,
    functions: actions,
    cases: CASES.length,
    grantsChecked,
    refusalsChecked,
    leaks: leaks.length,
    unintendedWrites: written.length,
    overBlocked: overBlocked.length,
    errors: errors.length,
    byDesign: byDesign.length,
    leakList: leaks,
    writtenTables: written,
    overBlockedList: overBlocked,
    errorList: errors,
  };
  mkdirSync(join(process.cwd(), '.test-output'), { recursive: true });
  writeFileSync(join(process.cwd(), '.test-output', 'security-matrix.json'), JSON.stringify(summary, null, 2));
  console.log(
    [
      `Security matrix: ${cells} cells — ${w.actors.length} users (${roles} roles, every organisation kind) × ${RESOURCES.length} foreign resources × ${actions} domain functions (${CASES.length} cases)`,
      `  own organisation: ${grantsChecked} granted calls checked for over-blocking, ${refusalsChecked} calls without the grant checked for refusal`,
      `  leaks: ${leaks.length}, unintended writes: ${written.length}, over-blocked grants: ${overBlocked.length}, errors: ${errors.length} (vendor-wide or link-holder cells by design: ${byDesign.length})`,
      ...leaks.map((l) => `  LEAK ${l}`),
      ...written.map((t) => `  WRITTEN ${t}`),
      ...overBlocked.map((o) => `  OVER-BLOCKED ${o}`),
      ...errors.map((e) => `  ERROR ${e}`),
    ].join('\n'),
  );
  expect(leaks, 'leaks').toEqual([]);
  expect(written, 'tables written by refused or read-only calls').toEqual([]);
  expect(overBlocked, 'over-blocked grants').toEqual([]);
  expect(errors, 'unexpected errors').toEqual([]);
}, 600_000);
