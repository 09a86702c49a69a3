import { describe, expect, it } from 'vitest';
import { DAY_MS, currentEnd, daysLeft, noticeDue, statusAt, type RelationshipTimes } from './status';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY_MS);
const pending: RelationshipTimes = {
  requestExpiresAt: at(90),
  approvedAt: null,
  endsAt: null,
  autoExtend: false,
  declinedAt: null,
  terminatedAt: null,
};
const active = (days: number, autoExtend = false): RelationshipTimes => ({
  ...pending,
  approvedAt: t0,
  endsAt: at(days),
  autoExtend,
});

describe('delegated admin relationship status', () => {
  it('a request is pending for 90 days, then expired', () => {
    expect(statusAt(pending, at(89.99))).toBe('pending');
    expect(statusAt(pending, at(90))).toBe('expired');
  });

  it('an approved relationship is active until its end, expired at it', () => {
    const r = active(10);
    expect(statusAt(r, at(9.999))).toBe('active');
    expect(daysLeft(r, at(9.5))).toBe(1);
    expect(statusAt(r, at(10))).toBe('expired');
    expect(daysLeft(r, at(10))).toBeNull();
  });

  it('auto-extend moves the end on by 180 days each time it falls due', () => {
    const r = active(10, true);
    expect(currentEnd(r, at(9))).toEqual(at(10));
    expect(currentEnd(r, at(10))).toEqual(at(190));
    expect(currentEnd(r, at(400))).toEqual(at(550));
    expect(statusAt(r, at(1000))).toBe('active');
  });

  it('declined and terminated are final', () => {
    expect(statusAt({ ...pending, declinedAt: at(1) }, at(2))).toBe('declined');
    expect(statusAt({ ...active(30), terminatedAt: at(5) }, at(5))).toBe('terminated');
    expect(statusAt({ ...active(30), terminatedAt: at(5) }, at(4))).toBe('active');
  });

  it('the most urgent notice is due: none, 30, 7, then 1 day before the end', () => {
    const r = active(40);
    expect(noticeDue(r, at(9))).toBeNull();
    expect(noticeDue(r, at(10))).toEqual({ endsAt: at(40), daysBefore: 30 });
    expect(noticeDue(r, at(35))).toEqual({ endsAt: at(40), daysBefore: 7 });
    expect(noticeDue(r, at(39.5))).toEqual({ endsAt: at(40), daysBefore: 1 });
    expect(noticeDue(r, at(40))).toBeNull();
  });
});
