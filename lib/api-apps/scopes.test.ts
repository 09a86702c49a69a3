import { describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission } from '@/lib/authz/policy';
import { API_SCOPES, SCOPE_NAMES, grantable, permissionsOf } from './scopes';

const holds = (role: keyof typeof ROLE_PERMISSIONS) => (p: Permission) => ROLE_PERMISSIONS[role].includes(p);

describe('API scopes', () => {
  it('name only permissions of the policy, and an org admin may give every one of them', () => {
    expect(SCOPE_NAMES).toHaveLength(10);
    for (const scope of SCOPE_NAMES) expect(grantable(scope, holds('ADMIN'))).toBe(true);
  });

  it('are never more than the role giving them holds', () => {
    expect(grantable('customers.read', holds('HELPDESK_AGENT'))).toBe(true);
    expect(grantable('customers.write', holds('HELPDESK_AGENT'))).toBe(false);
    expect(grantable('subscriptions.write', holds('SALES_AGENT'))).toBe(false);
    expect(grantable('reports.read', holds('SALES_AGENT'))).toBe(false);
  });

  it('grant the union of their permissions', () => {
    expect([...permissionsOf(['customers.read', 'reports.read'])].sort()).toEqual(
      ['audit.read', 'customers.read', 'incentives.read'].sort(),
    );
    expect(permissionsOf([]).size).toBe(0);
    expect(API_SCOPES['relationships.write']).toEqual(API_SCOPES['partnerships.write']);
  });
});
