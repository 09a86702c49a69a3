// The status of a delegated admin relationship, read from its stored times
// at the moment asked (so expiry and auto-extend take effect when they fall
// due, whether or not any job ran).

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A request not approved within this many days expires. */
export const REQUEST_DAYS = 90;
/** Auto-extend moves an ending relationship on by this many days at a time. */
export const AUTO_EXTEND_DAYS = 180;
export const MIN_DURATION_DAYS = 1;
export const MAX_DURATION_DAYS = 730;
/** Expiry notices, in days before the end: each sent once per end. */
export const NOTICE_DAYS = [30, 7, 1] as const;

export type RelationshipStatus = 'pending' | 'active' | 'expired' | 'declined' | 'terminated';

export type RelationshipTimes = {
  requestExpiresAt: Date;
  approvedAt: Date | null;
  endsAt: Date | null;
  autoExtend: boolean;
  declinedAt: Date | null;
  terminatedAt: Date | null;
};

/**
 * When an approved relationship ends as seen at `now`: its stored end, or with
 * auto-extend the first end after `now` reached by whole 180-day extensions.
 */
export function currentEnd(r: Pick<RelationshipTimes, 'endsAt' | 'autoExtend'>, now: Date): Date | null {
  if (!r.endsAt) return null;
  if (!r.autoExtend || now < r.endsAt) return r.endsAt;
  const step = AUTO_EXTEND_DAYS * DAY_MS;
  const extensions = Math.floor((now.getTime() - r.endsAt.getTime()) / step) + 1;
  return new Date(r.endsAt.getTime() + extensions * step);
}

export function statusAt(r: RelationshipTimes, now: Date): RelationshipStatus {
  if (r.terminatedAt && r.terminatedAt <= now) return 'terminated';
  if (r.declinedAt) return 'declined';
  if (!r.approvedAt) return now < r.requestExpiresAt ? 'pending' : 'expired';
  const end = currentEnd(r, now);
  return end && now < end ? 'active' : 'expired';
}

/** Whole days left before an active relationship ends (a part of a day counts as one); null otherwise. */
export function daysLeft(r: RelationshipTimes, now: Date): number | null {
  if (statusAt(r, now) !== 'active') return null;
  return Math.ceil((currentEnd(r, now)!.getTime() - now.getTime()) / DAY_MS);
}

/** The most urgent notice due at `now` (e.g. 7 at five days left), or null when none is. */
export function noticeDue(r: RelationshipTimes, now: Date): { endsAt: Date; daysBefore: number } | null {
  if (statusAt(r, now) !== 'active') return null;
  const end = currentEnd(r, now)!;
  const left = end.getTime() - now.getTime();
  const due = NOTICE_DAYS.filter((days) => left <= days * DAY_MS);
  return due.length ? { endsAt: end, daysBefore: Math.min(...due) } : null;
}
