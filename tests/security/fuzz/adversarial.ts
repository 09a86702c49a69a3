// Shared by the adversarial-input tests (adversarial-*.test.ts): a channel
// with the demo offers, and the check that a refusal is clear and writes
// nothing.
import { expect } from 'vitest';
import { makeChannel, makeCtx, makeDemoOffers } from '../../factories';
import { snapshot } from './channel';
import { Conflict, Invalid, NotFound, Refused } from '@/lib/errors';

export const baseUrl = 'http://portal.test';
export const key = () => crypto.randomUUID();

export async function scenario() {
  const channel = await makeChannel();
  const offers = await makeDemoOffers();
  const providerCtx = await makeCtx('ADMIN', { organizationId: channel.provider.id });
  const resellerCtx = await makeCtx('ADMIN', { organizationId: channel.resellerA.id });
  return { ...channel, offers, providerCtx, resellerCtx };
}

/** Expects a refusal whose field messages are catalog keys (the action translates them), and nothing written. */
export async function refusedWithMessage(run: () => Promise<unknown>, field?: string) {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'refused').not.toBeNull();
  if (field) {
    expect(error).toBeInstanceOf(Invalid);
    const messages = (error as Invalid).fieldErrors[field];
    expect(messages, `a message on ${field}: ${JSON.stringify((error as Invalid).fieldErrors)}`).toBeTruthy();
    for (const m of messages!) expect(typeof m === 'string' ? m : m.key).toMatch(/^[a-zA-Z]+\.[a-zA-Z.]+$/);
  } else {
    expect(
      [Invalid, Refused, NotFound, Conflict].some((type) => error instanceof type),
      String(error),
    ).toBe(true);
  }
  expect(await snapshot()).toBe(before);
  return error;
}

/** The same token with one character changed (a different character of the same alphabet). */
export function alter(token: string, at: number): string {
  const c = token[at]!;
  return token.slice(0, at) + (c === 'A' ? 'B' : 'A') + token.slice(at + 1);
}
