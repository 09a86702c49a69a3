import 'server-only';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { likePattern } from '@/lib/validation/text';
import { AUDIT_PAGE_SIZE, findAuditEventsInput, type FindAuditEventsInput } from './schemas';

export type AuditRow = {
  id: string;
  occurredAt: Date;
  action: string;
  outcome: 'OK' | 'REFUSED';
  targetType: string;
  targetId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorOrg: string | null;
  before: unknown;
  after: unknown;
};

export const AUDIT_EXPORT_ROWS = 50_000;
const DAY_MS = 86_400_000;

/**
 * The audit log of the user's organisation (events whose orgIds hold it, GIN
 * index); vendor staff read every event. Newest first, keyset pages on
 * (occurredAt, id), with the actor's name and organisation in the same query.
 */
export async function findAuditEvents(ctx: Ctx, raw: FindAuditEventsInput, limit = AUDIT_PAGE_SIZE) {
  assertCan(ctx, 'audit.read');
  const input = findAuditEventsInput.parse(raw);
  const rows = await query<AuditRow>(findAuditEventsSql(ctx, input, limit), input.actor ? {} : { plan: 'reuse' });
  const hasMore = rows.length > limit;
  const page = (hasMore ? rows.slice(0, limit) : rows).map((row) => ({
    ...row,
    change: summariseChange(row.before, row.after),
  }));
  const last = page[page.length - 1];
  return { rows: page, nextCursor: hasMore && last ? `${last.occurredAt.getTime()}.${last.id}` : null };
}

/** The one statement behind the audit log: keyset on (occurredAt, id) descending, actors joined. */
export function findAuditEventsSql(
  ctx: Ctx,
  input: ReturnType<typeof findAuditEventsInput.parse>,
  limit = AUDIT_PAGE_SIZE,
): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  if (audienceOf(ctx) !== 'vendor') where.push(Prisma.sql`e."orgIds" @> ARRAY[${ctx.orgId ?? ''}]::text[]`);
  if (input.actor) {
    const like = likePattern(input.actor);
    where.push(Prisma.sql`(u.name ILIKE ${like} OR u.email ILIKE ${like})`);
  }
  if (input.action) where.push(Prisma.sql`e.action = ${input.action}`);
  if (input.targetType) where.push(Prisma.sql`e."targetType" = ${input.targetType}`);
  if (input.targetId) where.push(Prisma.sql`e."targetId" = ${input.targetId}`);
  if (input.from) where.push(Prisma.sql`e."occurredAt" >= ${new Date(`${input.from}T00:00:00Z`)}::timestamptz`);
  if (input.to)
    where.push(Prisma.sql`e."occurredAt" < ${new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS)}::timestamptz`);
  if (input.after) {
    const dot = input.after.indexOf('.');
    const at = new Date(Number(input.after.slice(0, dot)));
    where.push(Prisma.sql`(e."occurredAt", e.id) < (${at}::timestamptz, ${input.after.slice(dot + 1)})`);
  }
  return Prisma.sql`
    SELECT e.id, e."occurredAt", e.action, e.outcome::text AS outcome, e."targetType", e."targetId", e.before, e.after,
           u.name AS "actorName", u.email AS "actorEmail", COALESCE(o."legalName", cu."companyName") AS "actorOrg"
      FROM "AuditEvent" e
      LEFT JOIN "User" u ON u.id = e."actorUserId"
      LEFT JOIN "Organization" o ON o.id = e."actorOrgId"
      LEFT JOIN "Customer" cu ON cu.id = u."customerId"
     WHERE ${where.length ? Prisma.join(where, ' AND ') : Prisma.sql`TRUE`}
     ORDER BY e."occurredAt" DESC, e.id DESC
     ${rowLimit(limit + 1)}`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** A compact "field: before → after" summary of an event's before/after snapshots. */
export function summariseChange(before: unknown, after: unknown): string {
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const parts = keys.map((k) =>
    k in b && k in a
      ? `${k}: ${show(b[k])} → ${show(a[k])}`
      : k in a
        ? `${k}: ${show(a[k])}`
        : `${k}: ${show(b[k])} → —`,
  );
  const text = parts.join('; ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
