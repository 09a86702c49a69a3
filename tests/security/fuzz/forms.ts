// The harness of the form-post fuzz tests (write-functions*.test.ts): every
// form post a portal action takes, filled with random and hostile values
// (NUL, SQL metacharacters, 10,000 characters, odd numbers, other
// organisations' ids, extra fields such as role or providerId), goes through
// what the action does (NUL check, the action's zod input, the domain
// function with its scope and rules) and ends in a result or a typed domain
// error (never a raw database or type error: a 500). A refusal writes nothing
// (row counts and latest changes equal), and channel B's records never change
// through channel A's users.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetDatabase } from '../../setup/per-file';
import { makeCtx, makeOrg } from '../../factories';
import { HOSTILE_STRINGS } from './hostile';
import { makeWorld, snapshot } from './channel';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { DomainError, Invalid } from '@/lib/errors';
import { fieldsWithNul } from '@/lib/validation/text';

/** The two channels of channel.ts, and a vendor admin. */
export type World = Awaited<ReturnType<typeof makeWorld>> & { vendor: Ctx };

export const BASE = { baseUrl: 'http://portal.test', locale: 'en' };
const RUNS = { numRuns: 25 };

/**
 * What a form field may carry: hostile text, odd numbers, flags, channel A's
 * own ids (to reach the rules), the case's own `ids`, and channel B's.
 */
function formValue(world: World, ids: string[]): fc.Arbitrary<string> {
  const own = [
    world.a.customer.id,
    world.subA.id,
    world.a.provider.id,
    world.a.resellerA.id,
    world.a.resellerB.id,
    world.offer.id,
    world.a.provider.mpnId!,
    world.a.resellerB.mpnId!,
  ];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '',
        '0',
        '-1',
        '2.5',
        '1e9',
        'abc',
        '1',
        '7',
        'on',
        'true',
        'false',
        'en',
        'US',
        '2026-01-01T00:00:00.000Z',
        crypto.randomUUID(),
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...own), weight: 2 },
    { arbitrary: fc.constantFrom(...world.foreign), weight: 2 },
    ...(ids.length ? [{ arbitrary: fc.constantFrom(...ids), weight: 3 }] : []),
  );
}
const form = (world: World, ids: string[], keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, formValue(world, ids)])), { requiredKeys: [] });
/** Fields no form has, which a forged post may add. */
const EXTRA = [
  'role',
  'orgId',
  'organizationId',
  'providerId',
  'resellerId',
  'unitPrice',
  'unitPriceMinor',
  'version',
  'status',
  'customerId',
  'managingResellerId',
  'tenantDomain',
];

/** As defineAction: NUL refused, the action's input parsed, then its run; a typed domain error is a refusal. */
async function submit(
  ctx: Ctx | null,
  schema: z.ZodType,
  raw: Record<string, string>,
  run: (ctx: Ctx, input: never) => Promise<unknown>,
): Promise<'done' | 'refused'> {
  try {
    const withNul = fieldsWithNul(raw);
    if (withNul.length) throw new Invalid({ [String(withNul[0])]: ['errors.invalidValue'] });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new Invalid({ _form: ['errors.invalidValue'] });
    await run(ctx as Ctx, parsed.data as never);
    return 'done';
  } catch (error) {
    if (error instanceof DomainError) return 'refused';
    throw error;
  }
}

/** Channel B as stored: never changed by channel A's users. */
async function channelB(world: World) {
  const { b, subB } = world;
  const d = db();
  const orgIds = [b.provider.id, b.resellerA.id, b.resellerB.id];
  return JSON.stringify(
    await Promise.all([
      d.customer.findUnique({ where: { id: b.customer.id } }),
      d.subscription.findUnique({ where: { id: subB.id } }),
      d.organization.findMany({ where: { id: { in: orgIds } }, orderBy: { id: 'asc' } }),
      d.partnership.findMany({ where: { providerId: b.provider.id }, orderBy: { id: 'asc' } }),
      d.subscriptionResellerAssociation.findMany({ where: { subscriptionId: subB.id }, orderBy: { id: 'asc' } }),
      d.user.findMany({ where: { organizationId: { in: orgIds } }, orderBy: { id: 'asc' } }),
    ]),
  );
}

export type Case = {
  name: string;
  ctx: (world: World) => Ctx | null;
  keys: string[];
  /** The action's input (defineAction's `input`); the domain function parses its own again. */
  schema: z.ZodType;
  run: (ctx: Ctx, input: never) => Promise<unknown>;
  /** False where the user reaches every organisation (vendor staff, the public enrolment). */
  foreignSafe?: boolean;
  /** More values for this form's fields, to reach its rules (ids the others' fields never name). */
  ids?: (world: World) => string[];
};

/** Runs every case against a fresh pair of channels: any outcome but a typed refusal or a result fails. */
export function describeFormPosts(cases: Case[]) {
  let world: World;

  beforeAll(async () => {
    await resetDatabase();
    const channels = await makeWorld();
    world = { ...channels, vendor: await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id }) };
  });

  describe('form posts with random and hostile values', () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const fields = form(world, c.ids?.(world) ?? [], c.keys);
      await fc.assert(
        fc.asyncProperty(fields, form(world, [], EXTRA), fc.boolean(), async (values, extra, withExtra) => {
          const raw = (withExtra ? { ...extra, ...values } : values) as Record<string, string>;
          const [before, beforeB] = await Promise.all([snapshot(), channelB(world)]);
          const outcome = await submit(c.ctx(world), c.schema, raw, c.run);
          if (outcome === 'refused') expect(await snapshot()).toBe(before);
          if (c.foreignSafe !== false) expect(await channelB(world)).toBe(beforeB);
        }),
        RUNS,
      );
    });
  });
}
