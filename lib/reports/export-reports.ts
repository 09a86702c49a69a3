import 'server-only';
import type { Ctx } from '@/lib/authz/context';
import { currencyDigits } from '@/lib/offers/money';
import { toCsv } from './csv';
import { getIncentivesExport } from './incentives/get-incentives-export';
import { AUDIT_EXPORT_ROWS, findAuditEvents } from './find-audit-events';
import type { FindAuditEventsInput, IncentivesInput } from './schemas';

// CSV exports: the same domain reads as the pages (permission, scope,
// filters), so a file never holds more than the page would show.

const major = (minor: number, currency: string) =>
  (minor / 10 ** currencyDigits(currency)).toFixed(currencyDigits(currency));

export const INCENTIVES_CSV_COLUMNS = [
  'month',
  'reseller',
  'mpnId',
  'provider',
  'customer',
  'subscription',
  'offer',
  'licences',
  'unitPrice',
  'currency',
  'incentiveRate',
  'from',
  'to',
  'days',
  'earned',
] as const;

/** `header` holds the translated INCENTIVES_CSV_COLUMNS. */
export async function exportIncentivesCsv(ctx: Ctx, raw: IncentivesInput, header: string[]) {
  const report = await getIncentivesExport(ctx, raw);
  const rows = report.rows.map((r) => [
    report.month,
    r.resellerName,
    r.resellerMpnId,
    r.providerName,
    r.customerName,
    r.subscriptionId,
    r.offerName,
    r.quantity,
    major(r.unitPriceMinor, r.currency),
    r.currency,
    (r.incentiveRateBps / 100).toFixed(2) + '%',
    r.from.toISOString(),
    r.to.toISOString(),
    r.days.toFixed(2),
    major(r.earnedMinor, r.currency),
  ]);
  return { fileName: `incentives-${report.month}.csv`, body: toCsv(header, rows) };
}

export const AUDIT_CSV_COLUMNS = [
  'when',
  'actor',
  'actorEmail',
  'organization',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'change',
] as const;

/** `header` holds the translated AUDIT_CSV_COLUMNS; `label` turns an action into its label. */
export async function exportAuditEventsCsv(
  ctx: Ctx,
  raw: FindAuditEventsInput,
  header: string[],
  label: (action: string) => string,
) {
  const { rows } = await findAuditEvents(ctx, raw, AUDIT_EXPORT_ROWS);
  const cells = rows.map((e) => [
    e.occurredAt.toISOString(),
    e.actorName,
    e.actorEmail,
    e.actorOrg,
    label(e.action),
    e.targetType,
    e.targetId,
    e.outcome,
    e.change,
  ]);
  return {
    fileName: `audit-log-${rows[0]?.occurredAt.toISOString().slice(0, 10) ?? 'empty'}.csv`,
    body: toCsv(header, cells),
  };
}
