import { z } from 'zod';
import { searchText } from '@/lib/validation/text';

// Filters of the report pages, as they arrive in the URL. Bad values are
// dropped (`.catch`), so a hand-edited URL shows the unfiltered page, never an error.

export const SUBSCRIPTIONS_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;

export const RELATIONS = ['all', 'managed', 'support'] as const;
export type Relation = (typeof RELATIONS)[number];
export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'SUSPENDED', 'CANCELLED'] as const;

/** A customer name (any text but NUL) then `|` and a subscription id. */
export const SUBSCRIPTION_CURSOR = /^([^\u0000]{1,220})\|([A-Za-z0-9_-]{1,40})$/;

export const findResellerSubscriptionsInput = z.object({
  /**
   * managed: customers it manages; support: subscriptions it is the designated support contact for (its support list).
   */
  relation: z.enum(RELATIONS).catch('all').default('all'),
  status: z.enum(SUBSCRIPTION_STATUSES).optional().catch(undefined),
  /** Customer name or tenant domain. */
  q: searchText(100),
  /** Keyset cursor: `<customer name>|<subscription id>` of the last row on the previous page. */
  after: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().max(260).regex(SUBSCRIPTION_CURSOR).optional())
    .catch(undefined),
});
export type FindResellerSubscriptionsInput = z.input<typeof findResellerSubscriptionsInput>;

const blank = (v: unknown) => (v === '' ? undefined : v);

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const INCENTIVES_PAGE_SIZE = 50;

export const incentivesInput = z.object({
  /** Calendar month (UTC) as YYYY-MM; default the current month. */
  month: z.string().regex(MONTH).optional().catch(undefined),
  /** Provider only: one reseller (organisation id). */
  reseller: searchText(40),
  /**
   * Provider only: one reseller by its MPN ID (the filter's text field when the provider has too many resellers for a
   * list).
   */
  mpn: searchText(20),
  /** Keyset cursor: `<reseller id>.<row number within that reseller>` of the last row on the previous page. */
  after: z
    .preprocess(
      blank,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}\.\d{1,9}$/)
        .optional(),
    )
    .catch(undefined),
});
export type IncentivesInput = z.input<typeof incentivesInput>;

/** [start, end) of a YYYY-MM month in UTC. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [, y, m] = MONTH.exec(month)!;
  return { start: new Date(Date.UTC(Number(y), Number(m) - 1, 1)), end: new Date(Date.UTC(Number(y), Number(m), 1)) };
}

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .regex(DAY)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const findAuditEventsInput = z.object({
  /** Actor's name or email (part of it). */
  actor: z.preprocess(blank, searchText(100)),
  action: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .max(80)
        .regex(/^[a-z_.]+$/)
        .optional(),
    )
    .catch(undefined),
  targetType: z
    .preprocess(
      blank,
      z
        .string()
        .trim()
        .max(40)
        .regex(/^[A-Za-z_]+$/)
        .optional(),
    )
    .catch(undefined),
  targetId: z.preprocess(blank, searchText(40)),
  /** Inclusive days (UTC), YYYY-MM-DD. */
  from: z.preprocess(blank, day),
  to: z.preprocess(blank, day),
  /** Keyset cursor: `<occurredAt ms>.<id>` of the last event on the previous page. */
  after: z
    .preprocess(
      blank,
      z
        .string()
        .regex(/^\d{1,15}\.[A-Za-z0-9_-]{1,40}$/)
        .optional(),
    )
    .catch(undefined),
});
export type FindAuditEventsInput = z.input<typeof findAuditEventsInput>;
