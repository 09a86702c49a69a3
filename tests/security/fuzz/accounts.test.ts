// Adversarial input on the account inputs: sign-in (credentialsInput, which
// verifyCredentials parses) and disabling a user (disableUserInput, which
// disableUser parses; its form-post property is in
// write-functions-accounts.test.ts). The same hostile values as the other
// inputs (hostile.ts: NUL, 10,000 characters, odd types, Unicode tricks,
// prototype keys), with a real user's email and password to reach the
// checks: sign-in answers null (the answer to a wrong password) and writes
// nothing, not even the time of the last sign-in; disabling answers a typed
// refusal and writes nothing.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { PASSWORD } from '../../factories';
import { HOSTILE_STRINGS, anyFieldValue, prototypeBodies } from './hostile';
import { makeWorld, snapshot } from './channel';
import { db } from '@/lib/db';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { disableUser } from '@/lib/users/disable-user';

let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  await resetDatabase();
  world = await makeWorld();
});

/** Every write a sign-in or a disabling could make: row counts, latest changes, and each user's flags. */
async function state() {
  const users = await db().user.findMany({
    select: { id: true, disabled: true, sessionVersion: true, lastSignInAt: true },
    orderBy: { id: 'asc' },
  });
  return JSON.stringify([await snapshot(), users]);
}

/** A sign-in that must fail: null, and nothing written. */
async function refusedSignIn(raw: unknown) {
  const before = await state();
  expect(await verifyCredentials(raw)).toBeNull();
  expect(await state()).toBe(before);
}

/** A disabling that must be refused with a typed domain error, nothing written. */
async function refusedDisable(raw: unknown) {
  const before = await state();
  const error = await disableUser(world.ctx.resellerA, raw as never).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error instanceof Invalid || error instanceof NotFound || error instanceof Refused, String(error)).toBe(true);
  expect(await state()).toBe(before);
}

/** The colleague's email changed in ways a person may not see. */
function lookAlikes(email: string): [string, string][] {
  const [local = '', domain = ''] = email.split('@');
  return [
    ['Cyrillic е', email.replace('e', '\u0435')],
    ['full-width letters', email.replace(/[a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['a zero-width space', `${local}\u200b@${domain}`],
    ['a right-to-left override', `\u202e${email}`],
    ['a NUL', `${email}\u0000`],
    ['a long ſ', email.replace('s', '\u017f')],
  ];
}

const credentials = (email: string) => JSON.stringify({ email, password: PASSWORD });

describe('sign-in (credentialsInput)', () => {
  it('hostile emails and passwords never sign in and write nothing', async () => {
    const { email } = world.users.colleagueA;
    const emails = fc.oneof(anyFieldValue, fc.constantFrom(email, ...lookAlikes(email).map(([, e]) => e)));
    const passwords = fc.oneof(anyFieldValue, fc.constantFrom(`${PASSWORD}\u0000`, ` ${PASSWORD}`, [PASSWORD]));
    const bodies = fc.oneof(
      fc.record({ email: emails, password: passwords }, { requiredKeys: [] }),
      fc.constantFrom(...prototypeBodies(['email', 'password'])),
      fc.anything(),
    );
    await fc.assert(fc.asyncProperty(bodies, refusedSignIn), { numRuns: 30 });
  });

  it.each([
    ['NUL in the password', (e: string) => ({ email: e, password: `${PASSWORD}\u0000` })],
    ['the password as a list', (e: string) => ({ email: e, password: [PASSWORD] })],
    ['the email as a list', (e: string) => ({ email: [e], password: PASSWORD })],
    ['the password as an object', (e: string) => ({ email: e, password: { toString: () => PASSWORD } })],
    ['a 10,000-character password', (e: string) => ({ email: e, password: PASSWORD + 'a'.repeat(10_000) })],
    ['a 10,000-character email', (e: string) => ({ email: 'a'.repeat(10_000) + e, password: PASSWORD })],
    ['the credentials under __proto__', (e: string) => JSON.parse(`{"__proto__":${credentials(e)}}`)],
    ['no body', () => null],
  ] as [string, (email: string) => unknown][])('%s is refused with the right password', async (_label, body) => {
    await refusedSignIn(body(world.users.colleagueA.email));
  });

  it('a look-alike of a real email, with its right password, is refused', async () => {
    for (const [label, email] of lookAlikes(world.users.colleagueA.email)) {
      expect(email, label).not.toBe(world.users.colleagueA.email);
      await refusedSignIn({ email, password: PASSWORD });
    }
  });

  it('the right email and password sign in (the refusals above are not for want of a user)', async () => {
    const user = await verifyCredentials({ email: world.users.colleagueA.email, password: PASSWORD });
    expect(user?.id).toBe(world.users.colleagueA.id);
  });
});

describe('disabling a user (disableUserInput)', () => {
  const label = (s: string) => JSON.stringify(s.length > 30 ? `${s.slice(0, 8)}… (${s.length} characters)` : s);
  it.each(HOSTILE_STRINGS.map((s) => [label(s), s]))('the id %s is refused', async (_label, userId) => {
    await refusedDisable({ userId });
  });

  it.each([
    ['a number', () => 42],
    ['null', () => null],
    ["a list of a colleague's id", (id: string) => [id]],
    ["an object holding a colleague's id", (id: string) => ({ id, toString: () => id })],
    ['true', () => true],
  ] as [string, (id: string) => unknown][])('an id that is %s is refused', async (_label, userId) => {
    await refusedDisable({ userId: userId(world.users.colleagueA.id) });
  });

  it('forged prototype keys are refused', async () => {
    for (const body of prototypeBodies(['userId'])) await refusedDisable(body);
    await refusedDisable(JSON.parse(`{"__proto__":{"userId":"${world.users.colleagueA.id}"}}`));
  });

  it("its own id, another organisation's user and channel B's user are refused", async () => {
    await refusedDisable({ userId: world.ctx.resellerA.userId });
    await refusedDisable({ userId: world.ctx.providerA.userId });
    await refusedDisable({ userId: world.users.userB.id });
  });

  it("a colleague's id disables the colleague (the refusals above are not for want of a user)", async () => {
    await disableUser(world.ctx.resellerA, { userId: world.users.colleagueA.id });
    const colleague = await db().user.findUniqueOrThrow({ where: { id: world.users.colleagueA.id } });
    expect(colleague.disabled).toBe(true);
  });
});
