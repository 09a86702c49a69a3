import { describe, expect, it } from 'vitest';
import { changeWindowEndsAt, quantityProblem, statusRefusal, withinChangeWindow } from './rules';

const H = 60 * 60 * 1000;
const M = 60 * 1000;

describe('R7 rules', () => {
  const start = new Date('2026-01-01T00:00:00Z');
  it('the change window is 168 hours, inclusive', () => {
    expect(changeWindowEndsAt(start).toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(withinChangeWindow(start, new Date(start.getTime() + 167 * H + 59 * M))).toBe(true);
    expect(withinChangeWindow(start, new Date(start.getTime() + 168 * H))).toBe(true);
    expect(withinChangeWindow(start, new Date(start.getTime() + 168 * H + M))).toBe(false);
  });
  it('licences are whole numbers within the offer limits; an Azure plan has 1', () => {
    const offer = { minQuantity: 1, maxQuantity: 300, isAzurePlan: false };
    expect(quantityProblem(offer, 1)).toBeNull();
    expect(quantityProblem(offer, 300)).toBeNull();
    expect(quantityProblem(offer, 0)?.key).toBe('subscriptionDetail.errors.quantityRange');
    expect(quantityProblem(offer, 301)?.values).toEqual({ min: 1, max: 300 });
    expect(quantityProblem(offer, 2.5)).not.toBeNull();
    expect(quantityProblem({ ...offer, isAzurePlan: true }, 2)?.key).toBe('subscriptionDetail.errors.azureQuantity');
    expect(quantityProblem({ ...offer, isAzurePlan: true }, 1)).toBeNull();
  });
  it('only active subscriptions change', () => {
    expect(statusRefusal('ACTIVE')).toBeNull();
    expect(statusRefusal('SUSPENDED')).toBe('subscriptionDetail.errors.suspended');
    expect(statusRefusal('CANCELLED')).toBe('subscriptionDetail.errors.cancelled');
  });
});
