// The tenant-isolation matrix (issue 7): every role of every organisation kind
// × every resource of the other channel × every domain function a page, route
// or server action uses (found by walking app/). Foreign input must be refused
// (NotFound/Refused) or answered without the other side's data; nothing may be
// written; and every grant of ROLE_PERMISSIONS must still work on our own data.
import { beforeAll, expect, it, vi } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { inventory } from './inventory';
import { CASES, NOT_CALLED, NO_DATA, type Case } from './cases';
import { attempt, granted, label, report, snapshot, text, type Summary } from './matrix-helpers';
import { buildWorld, RESOURCES, type World } from './world';

let w: World;

beforeAll(async () => {
  // As every portal process has it: webhook secrets are encrypted under a key derived from it.
  vi.stubEnv('NEXTAUTH_SECRET', 'a-matrix-secret-0123456789-0123456789');
  await resetDatabase();
  w = await buildWorld();
}, 120_000);

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
            `${email} ${label(c)} with the other channel's ${resource}: ` +
              (r.outcome === 'ok' ? 'succeeded' : 'found it (Conflict)'),
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
  const summary: Summary = {
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
  report(summary);
  expect(leaks, 'leaks').toEqual([]);
  expect(written, 'tables written by refused or read-only calls').toEqual([]);
  expect(overBlocked, 'over-blocked grants').toEqual([]);
  expect(errors, 'unexpected errors').toEqual([]);
}, 600_000);
