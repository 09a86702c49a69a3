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
export async function recordAudit(tx: Tx, ctx: Pick<Ctx, 'userId' | 'orgId'> | null, entry: AuditEntry): Promise<void> {
  const orgIds = [...new Set([ctx?.orgId, ...(entry.orgIds ?? [])].filter((id): id is string => !!id))];
  await tx.auditEvent.create({
    data: {
      occurredAt: clock.now(),
      actorUserId: ctx?.userId ?? null,
      actorOrgId: ctx?.orgId ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'OK',
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      orgIds,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
