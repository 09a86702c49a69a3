import { describe, expect, it } from 'vitest';
import type { Ctx } from './context';
import { can, navigationFor } from './policy';

const base: Ctx = {
  userId: 'u',
  email: 'u@x',
  name: 'U',
  role: 'ADMIN',
  orgId: 'o',
  orgKind: 'INDIRECT_PROVIDER',
  orgStatus: 'ACTIVE',
  customerId: null,
  orgName: 'Org',
  mustChangePassword: false,
  mustEnrolMfa: false,
  locale: null,
};

describe('policy', () => {
  it('gives each role only its permissions', () => {
    expect(can(base, 'partnerships.write')).toBe(true);
    expect(can({ ...base, role: 'SALES_AGENT' }, 'partnerships.write')).toBe(false);
    expect(can({ ...base, role: 'HELPDESK_AGENT' }, 'orders.write')).toBe(false);
    expect(can({ ...base, role: 'HELPDESK_AGENT' }, 'support.write')).toBe(true);
    expect(can({ ...base, role: 'VENDOR_ADMIN', orgKind: 'VENDOR' }, 'customers.write')).toBe(false);
    expect(
      can(
        { ...base, role: 'CUSTOMER_USER', orgId: null, orgKind: null, orgStatus: null, customerId: 'c' },
        'customers.read',
      ),
    ).toBe(false);
  });

  it('refuses partner work to pending and suspended organisations', () => {
    for (const orgStatus of ['PENDING', 'SUSPENDED'] as const) {
      expect(can({ ...base, orgStatus }, 'customers.read')).toBe(false);
      expect(can({ ...base, orgStatus }, 'account.self')).toBe(true);
    }
  });

  it('offers each audience its own navigation', () => {
    expect(navigationFor(base).map((i) => i.href)).toEqual([
      '/',
      '/indirect-resellers',
      '/customers',
      '/incentives',
      '/audit-log',
      '/api-apps',
      '/webhooks',
      '/users',
      '/profile',
    ]);
    expect(navigationFor({ ...base, orgKind: 'INDIRECT_RESELLER' }).map((i) => i.href)).toEqual([
      '/',
      '/indirect-providers',
      '/customers',
      '/subscriptions',
      '/incentives',
      '/audit-log',
      '/api-apps',
      '/webhooks',
      '/users',
    ]);
    expect(
      navigationFor({ ...base, role: 'CUSTOMER_ADMIN', orgId: null, orgKind: null, customerId: 'c' }).map(
        (i) => i.href,
      ),
    ).toEqual(['/', '/partner-relationships', '/users', '/licenses', '/partner-activity']);
  });
});
