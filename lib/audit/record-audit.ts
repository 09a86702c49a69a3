import 'server-only';
import type { Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Organisations whose audit log shows the event (the actor's is added). */
  orgIds?: (string | null | undefined)[];
  before?: object | null;
  after?: object | null;
  outcome?: 'OK' | 'REFUSED';
};

/** Appends an audit event in the caller's transaction: who, org, what, target, when. */
export async function recordAudit(
  tx: Tx,
  ctx: Pick<Ctx, 'userId' | 'orgId' | 'app'> | null,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({ data: eventData(ctx, entry, clock.now()) });
}

/** Many events of one change in one statement (e.g. every subscription a removed partnership touched). */
export async function recordAuditMany(
  tx: Tx,
  ctx: Pick<Ctx, 'userId' | 'orgId' | 'app'> | null,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const now = clock.now();
  await tx.auditEvent.createMany({ data: entries.map((entry) => eventData(ctx, entry, now)) });
}

/**
 * A value for a jsonb column: a lone UTF-16 surrogate (which a form can send
 * and a text column stores as U+FFFD) is an escape jsonb refuses, so strings
 * are made well-formed the same way first.
 */
function wellFormed(value: object | null | undefined): object | null | undefined {
  if (value === null || value === undefined) return value;
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.toWellFormed() : v)));
}

function eventData(ctx: Pick<Ctx, 'userId' | 'orgId' | 'app'> | null, entry: AuditEntry, occurredAt: Date) {
  const orgIds = [...new Set([ctx?.orgId, ...(entry.orgIds ?? [])].filter((id): id is string => !!id))];
  return {
    occurredAt,
    actorUserId: ctx?.userId ?? null,
    actorOrgId: ctx?.orgId ?? null,
    actorAppId: ctx?.app?.id ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'OK',
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    orgIds,
    before: wellFormed(entry.before) ?? undefined,
    after: wellFormed(entry.after) ?? undefined,
  };
}
