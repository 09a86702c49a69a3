import { describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/authz/context';
import { evaluateRequest, type RequestRecord } from './evaluate-request';

const now = new Date('2026-01-10T00:00:00Z');
const pending: RequestRecord = { state: 'PENDING', expiresAt: new Date('2026-02-01T00:00:00Z'), customerId: 'c1' };
const admin: Ctx = {
  userId: 'u',
  email: 'a@x',
  name: 'A',
  role: 'CUSTOMER_ADMIN',
  orgId: null,
  orgKind: null,
  orgStatus: null,
  customerId: 'c1',
  orgName: 'Contoso',
  mustChangePassword: false,
  mustEnrolMfa: false,
  locale: null,
};
const partner: Ctx = {
  ...admin,
  role: 'ADMIN',
  orgId: 'o',
  orgKind: 'INDIRECT_RESELLER',
  orgStatus: 'ACTIVE',
  customerId: null,
};

describe('R12 who may answer a relationship link', () => {
  it('only an admin of the named customer, while pending and unexpired', () => {
    expect(evaluateRequest(admin, pending, now)).toBe('ready');
    expect(evaluateRequest({ ...admin, customerId: 'c2' }, pending, now)).toBe('wrongCustomer');
    expect(evaluateRequest({ ...admin, customerId: 'c2', role: 'CUSTOMER_USER' }, pending, now)).toBe('wrongCustomer');
    expect(evaluateRequest({ ...admin, role: 'CUSTOMER_USER' }, pending, now)).toBe('notCustomerAdmin');
    expect(evaluateRequest(partner, pending, now)).toBe('notCustomerAdmin');
    expect(evaluateRequest(null, pending, now)).toBe('signInRequired');
  });

  it('states of the link come before the visitor', () => {
    expect(evaluateRequest(admin, { ...pending, expiresAt: now }, now)).toBe('expired');
    expect(evaluateRequest(null, { ...pending, state: 'REVOKED' }, now)).toBe('revoked');
    expect(evaluateRequest(admin, { ...pending, state: 'DECLINED' }, now)).toBe('used');
    expect(evaluateRequest(admin, { ...pending, state: 'ACCEPTED' }, now)).toBe('alreadyAccepted');
    expect(evaluateRequest({ ...admin, customerId: 'c2' }, { ...pending, state: 'ACCEPTED' }, now)).toBe('used');
  });
});
