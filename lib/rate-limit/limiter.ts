import 'server-only';
import { createHash } from 'node:crypto';
import { db, type Db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Prisma } from '@/lib/generated/prisma/client';

// Fixed-window rate limits counted in PostgreSQL (table "RateLimit"), so every
// web process shares them. Written here rather than with rate-limiter-flexible's
// Postgres store because that store takes its time from Date.now() (and from
// the database's NOW()) and creates its table at run time; this one takes the
// time from lib/clock.ts, so tests can move it past a window, and its table
// comes from a migration like every other.

export type Limit = {
  /** Key prefix, e.g. `signin:account`. */
  name: string;
  /** Events allowed in one window; the next one is refused until it ends. */
  max: number;
  windowMs: number;
  /**
   * Each count committed without waiting for its WAL flush (synchronous_commit
   * off for that transaction alone): for a limit counted on every request of
   * one subject (an API app's quota), whose concurrent counts would otherwise
   * wait in line on the subject's row for one flush each. A crash of the
   * database may forget the counts of its last moments (under a second).
   */
  asyncCommit?: boolean;
};

export type Blocked = { retryAfterMs: number };

const MINUTE = 60_000;

// Every limit of the portal. Only failures count for sign-in, links and
// password changes; every Verify counts (each one looks up an MPN ID).
export const LIMITS = {
  signInAccount: { name: 'signin:account', max: 5, windowMs: 15 * MINUTE },
  signInAddress: { name: 'signin:address', max: 20, windowMs: 15 * MINUTE },
  tokenAddress: { name: 'token:address', max: 10, windowMs: 15 * MINUTE },
  verifyMpnUser: { name: 'verify-mpn:user', max: 20, windowMs: 15 * MINUTE },
  passwordChangeUser: { name: 'password-change:user', max: 5, windowMs: 15 * MINUTE },
  /** Second sign-in step (and confirming an authenticator app): failures only, per user. */
  mfaUser: { name: 'mfa:user', max: 5, windowMs: 15 * MINUTE },
  /** Public enrolment: each attempt counts, per client address. */
  enrolAddress: { name: 'enrol:address', max: 20, windowMs: 60 * MINUTE },
  /** API tokens (client credentials): failures only, as for sign-in. */
  apiTokenClient: { name: 'api-token:client', max: 5, windowMs: 15 * MINUTE },
  apiTokenAddress: { name: 'api-token:address', max: 20, windowMs: 15 * MINUTE },
  /** Forgot password?: links mailed per email (more are silently not sent), and requests per address. */
  passwordResetAccount: { name: 'password-reset:account', max: 3, windowMs: 15 * MINUTE },
  passwordResetAddress: { name: 'password-reset:address', max: 20, windowMs: 15 * MINUTE },
  /** Setting a password through a mailed link (join, reset): each attempt, per client address. */
  passwordLinkAddress: { name: 'password-link:address', max: 20, windowMs: 15 * MINUTE },
  /** Other public actions (the language switch): generous, against floods only. */
  publicAddress: { name: 'public:address', max: 300, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>;

type Row = { windowStart: Date; count: number };
type Client = Pick<Db, '$queryRaw' | '$executeRaw'>;

/** Whole minutes to wait, at least 1: for messages. */
export function waitMinutes(blocked: Blocked): number {
  return Math.max(1, Math.ceil(blocked.retryAfterMs / MINUTE));
}

export class RateLimiter {
  constructor(
    readonly limit: Limit,
    private readonly client: () => Client = db,
  ) {}

  /** Keys are hashed: the table holds no emails or addresses, and keys have one length. */
  private key(subject: string): string {
    return `${this.limit.name}:${createHash('sha256').update(subject).digest('base64url')}`;
  }

  /**
   * The current window, or null when there is none. A window that starts
   * after now (the clock was moved back) counts as over.
   */
  private active(row: Row | undefined, now: Date): Row | null {
    if (!row) return null;
    const start = row.windowStart.getTime();
    return start <= now.getTime() && now.getTime() < start + this.limit.windowMs ? row : null;
  }

  private blockedBy(row: Row | null, now: Date): Blocked | null {
    if (!row || row.count < this.limit.max) return null;
    return { retryAfterMs: row.windowStart.getTime() + this.limit.windowMs - now.getTime() };
  }

  /** Refused now? Counts nothing. */
  async check(subject: string): Promise<Blocked | null> {
    const now = clock.now();
    const rows = await this.client().$queryRaw<Row[]>`
      SELECT "windowStart", "count" FROM "RateLimit" WHERE "key" = ${this.key(subject)}`;
    return this.blockedBy(this.active(rows[0], now), now);
  }

  /**
   * Counts one event in one statement (concurrent processes cannot lose a
   * count) and says whether the limit is now reached.
   */
  async hit(subject: string): Promise<{ count: number; blocked: Blocked | null }> {
    const now = clock.now();
    const row = await this.upsert(subject, now);
    return { count: row.count, blocked: this.blockedBy(row, now) };
  }

  private async upsert(subject: string, now: Date): Promise<Row> {
    const since = new Date(now.getTime() - this.limit.windowMs);
    // asyncCommit: set_config(…, true) is SET LOCAL from inside the statement, whose
    // transaction it is: the one round trip, and the row is free as soon as it commits.
    const asyncCommit = this.limit.asyncCommit
      ? Prisma.sql`, set_config('synchronous_commit', 'off', true) AS "asyncCommit"`
      : Prisma.empty;
    const rows = await this.client().$queryRaw<Row[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${this.key(subject)}, ${now}, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= ${now} AND "RateLimit"."windowStart" > ${since}
                       THEN "RateLimit"."count" + 1 ELSE 1 END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${now} AND "RateLimit"."windowStart" > ${since}
                       THEN "RateLimit"."windowStart" ELSE ${now} END
      RETURNING "windowStart", "count"${asyncCommit}`;
    if (Math.random() < 0.01) await this.sweep(now);
    return rows[0]!;
  }

  /**
   * Counts one event unless the limit is already reached: the way to limit
   * every attempt (not only failures). Refused attempts do not extend the wait.
   */
  async consume(subject: string): Promise<Blocked | null> {
    const blocked = await this.check(subject);
    if (blocked) return blocked;
    const { count } = await this.hit(subject);
    return count > this.limit.max ? { retryAfterMs: this.limit.windowMs } : null;
  }

  /**
   * Counts every event, refused ones too (a quota: a client that keeps
   * calling keeps being refused until the window ends); says how many the
   * window now holds and when it ends.
   */
  async count(subject: string): Promise<{ count: number; resetMs: number }> {
    const now = clock.now();
    const { count, windowStart } = await this.upsert(subject, now);
    return { count, resetMs: windowStart.getTime() + this.limit.windowMs - now.getTime() };
  }

  /** Forgets the subject's window (e.g. after a successful sign-in). */
  async clear(subject: string): Promise<void> {
    await this.client().$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${this.key(subject)}`;
  }

  /** Removes windows that ended more than a day ago. */
  private async sweep(now: Date): Promise<void> {
    const before = new Date(now.getTime() - 24 * 60 * MINUTE);
    await this.client().$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${before}`;
  }
}

export const limiters = {
  signInAccount: new RateLimiter(LIMITS.signInAccount),
  signInAddress: new RateLimiter(LIMITS.signInAddress),
  tokenAddress: new RateLimiter(LIMITS.tokenAddress),
  verifyMpnUser: new RateLimiter(LIMITS.verifyMpnUser),
  passwordChangeUser: new RateLimiter(LIMITS.passwordChangeUser),
  mfaUser: new RateLimiter(LIMITS.mfaUser),
  apiTokenClient: new RateLimiter(LIMITS.apiTokenClient),
  apiTokenAddress: new RateLimiter(LIMITS.apiTokenAddress),
  passwordResetAccount: new RateLimiter(LIMITS.passwordResetAccount),
};
