import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { enqueueMail } from '@/lib/email/enqueue';
import { startPollingWorker } from '@/lib/email/polling-worker';
import { DAY_MS, NOTICE_DAYS, noticeDue } from './status';

const POLL_MS = 10_000;
const BATCH = 200;

/**
 * Expiry notices: for each active relationship whose end is within 30, 7 or
 * 1 days, the most urgent notice not yet sent for that end is recorded and
 * mailed (through the outbox) to both sides' admins, in one transaction; the
 * notice's key (relationship, end, days) makes each one go out once, however
 * many workers run. A relationship found at 5 days left gets the 7-day notice
 * (not the 30-day one too). Answers how many were sent.
 */
export async function sendDueNotices(now = clock.now()): Promise<number> {
  const horizon = new Date(now.getTime() + Math.max(...NOTICE_DAYS) * DAY_MS);
  const candidates = await db().adminRelationship.findMany({
    where: {
      approvedAt: { not: null },
      terminatedAt: null,
      OR: [{ autoExtend: true }, { endsAt: { gt: now, lte: horizon } }],
    },
    orderBy: { endsAt: 'asc' },
    take: BATCH,
    select: {
      id: true,
      name: true,
      requestExpiresAt: true,
      approvedAt: true,
      endsAt: true,
      autoExtend: true,
      declinedAt: true,
      terminatedAt: true,
      partnerOrgId: true,
      customerId: true,
      partner: { select: { legalName: true } },
      customer: { select: { companyName: true, language: true } },
    },
  });
  let sent = 0;
  for (const r of candidates) {
    const due = noticeDue(r, now);
    if (!due) continue;
    await db().$transaction(async (tx) => {
      const inserted = await tx.adminRelationshipNotice.createMany({
        data: [{ relationshipId: r.id, endsAt: due.endsAt, daysBefore: due.daysBefore, sentAt: now }],
        skipDuplicates: true,
      });
      if (inserted.count === 0) return;
      // A more urgent notice stands for the ones skipped before it (found late, or the portal was down).
      await tx.adminRelationshipNotice.createMany({
        data: NOTICE_DAYS.filter((d) => d > due.daysBefore).map((daysBefore) => ({
          relationshipId: r.id,
          endsAt: due.endsAt,
          daysBefore,
          sentAt: now,
        })),
        skipDuplicates: true,
      });
      const admins = await tx.user.findMany({
        where: {
          disabled: false,
          removedAt: null,
          OR: [
            { organizationId: r.partnerOrgId, role: 'ADMIN' },
            { customerId: r.customerId, role: 'CUSTOMER_ADMIN' },
          ],
        },
        select: { email: true, locale: true },
      });
      for (const admin of admins) {
        await enqueueMail(tx, {
          kind: 'admin-relationship-expiring',
          to: admin.email,
          locale: admin.locale ?? r.customer.language,
          values: {
            name: r.name,
            partner: r.partner.legalName,
            customer: r.customer.companyName,
            days: String(due.daysBefore),
            date: due.endsAt.toISOString().slice(0, 10),
          },
        });
      }
      sent++;
    });
  }
  return sent;
}

/** Sends due notices every few seconds in each web process (and `npm run mail:worker`). */
export function startNoticeWorker(options: { intervalMs?: number } = {}): () => void {
  return startPollingWorker('relationship-notices', options.intervalMs ?? POLL_MS, async () => {
    const sent = await sendDueNotices();
    if (sent) console.info(`[relationship-notices] sent ${sent}`);
    return false;
  });
}
