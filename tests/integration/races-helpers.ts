// Shared by the race tests: rounds, a new-customer review with a fresh
// domain prefix, and the rejections among settled promises.
import type { NewCustomerOrderInput } from '@/lib/orders/schemas';

export const ROUNDS = 5;
export const baseUrl = 'http://portal.test';
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let prefixes = 0;
export function review(overrides: Partial<NewCustomerOrderInput> = {}): NewCustomerOrderInput {
  return {
    companyName: 'Race Co',
    domainPrefix: `race${Date.now().toString(36)}${prefixes++}`,
    addressLine1: '1 Main St',
    city: 'Seattle',
    region: 'WA',
    postalCode: '98101',
    country: 'US',
    contactFirstName: 'Pat',
    contactLastName: 'Doe',
    contactEmail: 'pat@race.example',
    language: 'en',
    idempotencyKey: crypto.randomUUID(),
    lines: [],
    ...overrides,
  };
}

export function rejectionsOf(results: PromiseSettledResult<unknown>[]) {
  return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
}
