// No secret reaches the logs: everything the server code writes to the
// console, stdout or stderr while it signs in (right and wrong password),
// places an order with a temporary password, changes a password, issues and
// answers partnership and relationship links, mints a session cookie and
// delivers (and fails to deliver) mail is captured and run through
// scripts/check-logs.ts with every secret value the flow produced.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { resetDatabase } from '../setup/per-file';
import { startSmtpServer, type SmtpListener } from '../setup/smtp';
import { PASSWORD, makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { scanForSecrets } from '../../scripts/check-logs';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { verifyCredentials } from '@/lib/users/verify-credentials';
import { changePassword } from '@/lib/users/change-password';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { respondToInvitation, viewInvitation } from '@/lib/partnerships/respond-to-invitation';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { respondToRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { deliverDueMessages } from '@/lib/email/deliver';
import { startMailWorker } from '@/lib/email/worker';

const baseUrl = 'http://portal.test';
let smtp: SmtpListener;
let captured: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  await resetDatabase();
  process.env.SMTP_URL = smtp.url;
  captured = [];
  // Everything written to the console or the process streams, still written through.
  const keep = (...args: unknown[]) =>
    captured.push(
      args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.stack}` : JSON.stringify(a))).join(' '),
    );
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      keep(...args);
      original(...args);
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...a: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      keep(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return original(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  clock.reset();
  delete process.env.SMTP_URL;
});

describe('secrets never reach the logs', () => {
  it('sign-in, temporary password, password change, link tokens, session cookie and mail delivery log none of them', async () => {
    const secrets: string[] = [PASSWORD];

    // Sign-in: right password, wrong password, unknown user.
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect(await verifyCredentials({ email: providerCtx.email, password: PASSWORD })).not.toBeNull();
    const wrong = 'Wrong-Guess-0f-Passw0rd';
    secrets.push(wrong);
    expect(await verifyCredentials({ email: providerCtx.email, password: wrong })).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@test.example', password: wrong })).toBeNull();

    // A session cookie as next-auth mints it.
    const cookie = await encode({
      token: { uid: providerCtx.userId, sv: 0 },
      secret: 'log-test-secret-0123456789abcdef',
    });
    secrets.push(cookie);

    // An order with a temporary password, and its welcome mail delivered.
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(provider.id, reseller.id);
    const offers = await makeDemoOffers();
    const placed = await placeNewCustomerOrder(providerCtx, {
      companyName: 'Secretive Co',
      domainPrefix: `secret${Date.now().toString(36)}`,
      addressLine1: '1 Main St',
      city: 'Seattle',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
      contactFirstName: 'Pat',
      contactLastName: 'Doe',
      contactEmail: 'pat@secret.example',
      language: 'en',
      idempotencyKey: crypto.randomUUID(),
      resellerId: reseller.id,
      lines: [{ offerId: offers.basic.id, quantity: 1 }],
      baseUrl,
    });
    expect(placed.temporaryPassword).toBeTruthy();
    secrets.push(placed.temporaryPassword!);

    // A password change.
    const next = 'Brand-New-Passw0rd-42';
    secrets.push(next);
    await changePassword(providerCtx, { currentPassword: PASSWORD, newPassword: next, confirmPassword: next });
    await expect(
      changePassword(providerCtx, { currentPassword: 'Not-The-Passw0rd-9', newPassword: next, confirmPassword: next }),
    ).rejects.toThrow();
    secrets.push('Not-The-Passw0rd-9');

    // A partnership link: issued, viewed, accepted, and a forged one tried.
    const draft = await startPartnershipRequest(await makeCtx('ADMIN', { organizationId: provider.id }), { baseUrl });
    const invitationToken = draft.link.split('/').pop()!;
    secrets.push(invitationToken);
    const newReseller = await makeOrg('INDIRECT_RESELLER');
    const newResellerCtx = await makeCtx('ADMIN', { organizationId: newReseller.id });
    await viewInvitation(newResellerCtx, invitationToken);
    await respondToInvitation(newResellerCtx, { token: invitationToken, decision: 'accept', agree: 'on', baseUrl });
    await expect(
      respondToInvitation(newResellerCtx, { token: `${invitationToken}x`, decision: 'accept', agree: 'on', baseUrl }),
    ).rejects.toThrow();

    // A relationship link: issued and accepted.
    const channel = await makeRelationshipChannel(null);
    const request = await startRelationshipRequest(
      channel.providerCtx,
      { customerId: channel.customer.id, resellerId: channel.resellerB.id, includeDelegatedAdmin: 'on' },
      { baseUrl },
    );
    const relationshipToken = request.link.split('/').pop()!;
    secrets.push(relationshipToken);
    await respondToRelationshipRequest(channel.adminCtx, { token: relationshipToken, decision: 'accept' });

    // Mail: delivered through the worker (which logs), then a round with the SMTP server down (which logs the error).
    const stop = startMailWorker({ intervalMs: 20 });
    try {
      await expect.poll(() => db().outboxMessage.count({ where: { state: 'PENDING' } }), { timeout: 15_000 }).toBe(0);
    } finally {
      stop();
    }
    await startPartnershipRequest(providerCtx, { baseUrl }).then((d) => secrets.push(d.link.split('/').pop()!));
    await smtp.stop();
    try {
      await db().$transaction((tx) =>
        import('@/lib/email/enqueue').then(({ enqueueMail }) =>
          enqueueMail(tx, { kind: 'password-changed', to: 'x@secret.example', values: { email: 'x@secret.example' } }),
        ),
      );
      expect((await deliverDueMessages()).retried).toBe(1);
    } finally {
      await smtp.start();
    }
    // Hashes stored for the passwords and tokens are secrets too.
    const hashes = await db().user.findMany({ select: { passwordHash: true } });
    secrets.push(...hashes.map((h) => h.passwordHash));

    // The mail worker did log (the capture works), and nothing secret is in it.
    const logs = captured.join('\n');
    expect(logs).toContain('[mail] sent');
    expect(scanForSecrets(logs, secrets)).toEqual([]);
    // The check itself finds each kind of secret (so an empty result means something).
    for (const secret of [placed.temporaryPassword!, invitationToken, relationshipToken, cookie, next]) {
      expect(scanForSecrets(`something logged ${secret} here`, secrets)).not.toEqual([]);
    }
    expect(scanForSecrets(`GET ${draft.link} 200`)).toMatchObject([{ kind: 'partnership link token' }]);
    expect(scanForSecrets(`GET ${request.link} 200`)).toMatchObject([{ kind: 'relationship link token' }]);
    expect(scanForSecrets(`cookie: next-auth.session-token=${cookie}`).map((f) => f.kind)).toContain('session cookie');
    expect(scanForSecrets(`{"email":"a@b","password":"${next}"}`)).toMatchObject([{ kind: 'password field' }]);
    expect(scanForSecrets(hashes[0]!.passwordHash)).toMatchObject([{ kind: 'password hash' }]);
  }, 60_000);
});
