import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOrg } from '../factories';
import { event } from './reports-audit-log-helpers';
import { db } from '@/lib/db';
import { Refused } from '@/lib/errors';
import { findAuditEvents, summariseChange } from '@/lib/reports/find-audit-events';
import { exportAuditEventsCsv, AUDIT_CSV_COLUMNS } from '@/lib/reports/export-reports';

// The audit log's roles, its CSV export and its change summaries; the list itself: reports-audit-log.int.test.ts.
beforeEach(resetDatabase);

describe('audit log', () => {
  it('wrong role: customer users and sales or helpdesk agents are refused; a pending partner too', async () => {
    const { provider, customer } = await makeChannel();
    const pending = await makeOrg('INDIRECT_RESELLER', { status: 'PENDING' });
    for (const ctx of [
      await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }),
      await makeCtx('SALES_AGENT', { organizationId: provider.id }),
      await makeCtx('HELPDESK_AGENT', { organizationId: provider.id }),
      await makeCtx('ADMIN', { organizationId: pending.id }),
    ]) {
      await expect(findAuditEvents(ctx, {})).rejects.toBeInstanceOf(Refused);
      await expect(exportAuditEventsCsv(ctx, {}, [...AUDIT_CSV_COLUMNS], (a) => a)).rejects.toBeInstanceOf(Refused);
    }
  });

  it('the CSV export has a header, the filtered rows, labels, and neutralises formula cells', async () => {
    const { provider } = await makeChannel();
    const mallory = await db().user.create({
      data: {
        email: 'm@csv.example',
        name: '@SUM(1+1)',
        role: 'ADMIN',
        organizationId: provider.id,
        passwordHash: 'x',
      },
    });
    await event({
      action: 'customer.updated',
      orgIds: [provider.id],
      at: '2026-10-05T12:00:00Z',
      actorUserId: mallory.id,
      actorOrgId: provider.id,
      before: { city: 'A' },
      after: { city: '=cmd|x' },
    });
    await event({ action: 'offer.updated', orgIds: [provider.id], at: '2026-10-06T12:00:00Z' });
    const { body } = await exportAuditEventsCsv(
      await makeCtx('ADMIN', { organizationId: provider.id }),
      { action: 'customer.updated' },
      [...AUDIT_CSV_COLUMNS],
      (a) => `label:${a}`,
    );
    const lines = body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `2026-10-05T12:00:00.000Z,'@SUM(1+1),m@csv.example,${provider.legalName},label:customer.updated,subscription,sub-1,OK,city: A → =cmd|x`,
    );
  });

  it('summarises before and after compactly', () => {
    expect(summariseChange({ quantity: 10 }, { quantity: 15 })).toBe('quantity: 10 → 15');
    expect(summariseChange(null, { to: 'x@y.example' })).toBe('to: x@y.example');
    expect(summariseChange({ reseller: 'A' }, {})).toBe('reseller: A → —');
    expect(summariseChange(null, null)).toBe('');
  });
});
