// Shared by the enrolment and partner-status tests: an enrolment form, row
// counts, the field errors of an Invalid, and a vendor staff context.
import { expect } from 'vitest';
import { makeCtx, makeOrg } from '../factories';
import { db } from '@/lib/db';
import type { EnrolResellerInput } from '@/lib/organizations/schemas';
import { Invalid } from '@/lib/errors';

export const PASSWORD = 'Enrol-Passw0rd-1';
let n = 0;
export function form(overrides: Partial<EnrolResellerInput> = {}): EnrolResellerInput {
  n += 1;
  return {
    companyName: `Contoso ${n}`,
    mpnId: String(6_100_000 + n),
    country: 'JP',
    adminName: 'Kei Admin',
    email: `kei${n}@contoso.example`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  };
}

export async function counts() {
  const [orgs, users, audits] = await Promise.all([
    db().organization.count(),
    db().user.count(),
    db().auditEvent.count(),
  ]);
  return { orgs, users, audits };
}

export async function fieldErrors(promise: Promise<unknown>): Promise<Invalid['fieldErrors']> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fieldErrors;
}

export async function vendorCtx() {
  const vendor = await makeOrg('VENDOR');
  return makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
}
