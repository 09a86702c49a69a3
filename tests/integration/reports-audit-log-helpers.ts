// Audit events written straight to the table, at a given time, for the audit log tests.
import { db } from '@/lib/db';

export type Event = {
  action: string;
  orgIds: string[];
  at: string;
  actorUserId?: string;
  actorOrgId?: string;
  targetType?: string;
  targetId?: string;
  before?: object;
  after?: object;
};
export async function event(e: Event) {
  return db().auditEvent.create({
    data: {
      action: e.action,
      orgIds: e.orgIds,
      occurredAt: new Date(e.at),
      actorUserId: e.actorUserId ?? null,
      actorOrgId: e.actorOrgId ?? null,
      targetType: e.targetType ?? 'subscription',
      targetId: e.targetId ?? 'sub-1',
      before: e.before,
      after: e.after,
    },
  });
}
