import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Ctx } from '@/lib/authz/context';
import { Invalid, Refused, Unauthenticated } from '@/lib/errors';
import { runOperation, type Operation } from './run';
import { isSameOrigin } from './origin';
import { echoedValues, formFields } from './form-fields';

// Each gate of the pipeline that every server action (and the API's handlers)
// passes: these fail when a gate is removed, and check the domain function is
// never reached when a gate refuses.
const providerAdmin: Ctx = {
  userId: 'u1',
  email: 'admin@example.com',
  name: 'Admin',
  role: 'ADMIN',
  orgId: 'o1',
  orgKind: 'INDIRECT_PROVIDER',
  orgStatus: 'ACTIVE',
  customerId: null,
  orgName: 'Provider',
  mustChangePassword: false,
  mustEnrolMfa: false,
  locale: null,
};

function operation<S extends z.ZodType | undefined>(input: S, permission: Operation<S, string>['permission']) {
  const calls: unknown[] = [];
  const op: Operation<S, string> = {
    permission,
    input,
    run: async (_ctx, parsed) => {
      calls.push(parsed);
      return 'ran';
    },
  };
  return { op, calls };
}

const schema = z.object({ name: z.string().min(1, 'errors.required').max(5) });

describe('runOperation gates', () => {
  it('refuses without a session', async () => {
    const { op, calls } = operation(schema, 'customers.write');
    await expect(runOperation(op, null, { name: 'a' })).rejects.toBeInstanceOf(Unauthenticated);
    expect(calls).toEqual([]);
  });

  it('refuses before the forced password change, except where allowed', async () => {
    const { op, calls } = operation(schema, 'account.self');
    const ctx = { ...providerAdmin, mustChangePassword: true };
    await expect(runOperation(op, ctx, { name: 'a' })).rejects.toMatchObject({
      messageKey: 'errors.mustChangePassword',
    });
    expect(calls).toEqual([]);
    await expect(runOperation({ ...op, allowBeforePasswordChange: true }, ctx, { name: 'a' })).resolves.toBe('ran');
  });

  it('refuses a role without the declared permission', async () => {
    const { op, calls } = operation(schema, 'offers.manage');
    const error = await runOperation(op, providerAdmin, { name: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Refused);
    expect(error).toMatchObject({ messageKey: 'errors.forbidden' });
    expect(calls).toEqual([]);
  });

  it('refuses NUL bytes with the field named, with or without a schema', async () => {
    for (const input of [schema, undefined]) {
      const { op, calls } = operation(input, 'customers.write');
      const error = await runOperation(op, providerAdmin, { name: 'a\u0000b' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors).toEqual({ name: ['errors.invalidValue'] });
      expect(calls).toEqual([]);
    }
  });

  it('parses by the schema: refusals per field, the parsed value to the domain', async () => {
    const { op, calls } = operation(schema, 'customers.write');
    const error = await runOperation(op, providerAdmin, { name: '' }).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ name: ['errors.required'] });
    const long = await runOperation(op, providerAdmin, { name: 'abcdefgh' }).catch((e: unknown) => e);
    expect((long as Invalid).fieldErrors).toEqual({ name: ['errors.invalidValue'] });
    expect(calls).toEqual([]);
    await expect(runOperation(op, providerAdmin, { name: 'Ann', extra: 'x' })).resolves.toBe('ran');
    expect(calls).toEqual([{ name: 'Ann' }]);
  });
});

describe('public actions: origin', () => {
  it('refuses a page of another site, accepts the portal and a request without Origin', () => {
    const h = (entries: Record<string, string>) => new Headers(entries);
    expect(isSameOrigin(h({ host: 'portal.example', origin: 'https://evil.example' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'portal.example', origin: 'null' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'portal.example', origin: 'https://portal.example' }))).toBe(true);
    expect(isSameOrigin(h({ host: 'portal.example' }))).toBe(true);
  });
});

describe('form fields', () => {
  it('drops React fields, lists repeated names, echoes typed text only', () => {
    const form = new FormData();
    form.append('$ACTION_ID_1', '');
    form.append('name', 'Ann');
    form.append('tag', 'a');
    form.append('tag', 'b');
    form.append('password', 'secret');
    expect(formFields(form)).toEqual({ name: 'Ann', tag: ['a', 'b'], password: 'secret' });
    expect(echoedValues(form, ['name', 'tag', 'box'])).toEqual({ name: 'Ann', tag: ['a', 'b'] });
  });
});
