// Matrix cases of the reports: the audit log, incentives and the reseller's subscriptions list.
import { exportAuditEventsCsv, exportIncentivesCsv } from '@/lib/reports/export-reports';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { listIncentiveResellers } from '@/lib/reports/incentives/list-incentive-resellers';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { type Case, PARTNERS, aud, ownFor } from './cases-kit';

export const REPORT_CASES: Case[] = [
  {
    fn: 'lib/reports/export-reports#exportAuditEventsCsv',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'audit.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => exportAuditEventsCsv(ctx, { targetId: id }, ['when', 'who', 'what'], (a) => a),
    own: (w) => w.ours.customer,
  },
  {
    fn: 'lib/reports/find-audit-events#findAuditEvents',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'audit.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findAuditEvents(ctx, { targetId: id }),
    own: (w) => w.ours.customer,
    ownMarker: (w) => w.ours.customer,
  },
  {
    fn: 'lib/reports/find-audit-events#findAuditEvents',
    variant: 'unfiltered',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'audit.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx) => findAuditEvents(ctx, {}),
  },
  {
    fn: 'lib/reports/export-reports#exportIncentivesCsv',
    kind: 'id',
    clean: true,
    grant: { permission: 'incentives.read', audiences: PARTNERS },
    call: (ctx, id) => exportIncentivesCsv(ctx, { reseller: id }, ['reseller']),
    own: ownFor({ provider: (w) => w.ours.resellerId, reseller: (w) => w.ours.resellerId }),
  },
  {
    fn: 'lib/reports/incentives/get-incentives-report#getIncentivesReport',
    kind: 'id',
    clean: true,
    grant: { permission: 'incentives.read', audiences: PARTNERS },
    call: (ctx, id) => getIncentivesReport(ctx, { reseller: id }),
    own: ownFor({ provider: (w) => w.ours.resellerId, reseller: (w) => w.ours.resellerId }),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/reports/incentives/list-incentive-resellers#listIncentiveResellers',
    kind: 'list',
    grant: { permission: 'incentives.read', audiences: ['provider'] },
    call: (ctx) => listIncentiveResellers(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/reports/find-reseller-subscriptions#findResellerSubscriptions',
    kind: 'list',
    grant: { permission: 'subscriptions.read', audiences: ['reseller'] },
    call: (ctx) => findResellerSubscriptions(ctx, {}),
    ownMarker: (w, ctx) => (aud(ctx) === 'reseller' ? w.ours.subscription : null),
  },
];
