import 'server-only';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { decodeCursor } from './cursor';
import { defineOperation } from './operation';
import { auditEventItem, auditEventsQuery, incentiveItem, incentivesQuery } from './schemas';

// The audit log and the incentives report, as the portal's pages show them.
export const reportsApi = {
  auditEvents: defineOperation({
    method: 'GET',
    path: '/audit-events',
    operationId: 'listAuditEvents',
    summary: "The organisation's audit log",
    description: 'Newest first; filters as on the Audit log page (dates are inclusive UTC days, YYYY-MM-DD).',
    tag: 'Reports',
    scope: 'reports.read',
    query: auditEventsQuery,
    response: auditEventItem,
    list: true,
    run: async ({ ctx, query }) => {
      const { limit, cursor, ...filters } = query;
      const page = await findAuditEvents(ctx, { ...filters, after: decodeCursor(cursor) }, limit);
      return {
        items: page.rows.map((e) => ({
          id: e.id,
          occurredAt: e.occurredAt,
          action: e.action,
          outcome: e.outcome,
          targetType: e.targetType,
          targetId: e.targetId,
          actorName: e.actorName,
          actorEmail: e.actorEmail,
          actorOrg: e.actorOrg,
          change: e.change,
        })),
        nextCursor: page.nextCursor,
      };
    },
  }),
  incentives: defineOperation({
    method: 'GET',
    path: '/reports/incentives',
    operationId: 'getIncentivesReport',
    summary: 'The incentives report',
    description:
      'One row per period a reseller was credited on a subscription in the month (YYYY-MM, UTC; the current ' +
      'month by default), with what it earned in minor units of its currency.',
    tag: 'Reports',
    scope: 'reports.read',
    query: incentivesQuery,
    response: incentiveItem,
    list: true,
    run: async ({ ctx, query }) => {
      const { cursor, ...filters } = query;
      const report = await getIncentivesReport(ctx, { ...filters, after: decodeCursor(cursor) });
      return { items: report.rows, nextCursor: report.nextCursor };
    },
  }),
};
