import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { NotFound, Refused } from '@/lib/errors';
import { csvResponse } from '@/lib/reports/csv';
import { AUDIT_CSV_COLUMNS, exportAuditEventsCsv } from '@/lib/reports/export-reports';

/**
 * The audit log (with the page's filters) as CSV; the domain function checks the permission and scope
 * (404 otherwise).
 */
export async function GET(request: Request) {
  const ctx = await getCtx();
  if (!ctx || ctx.mustChangePassword || ctx.mustEnrolMfa) return new Response('Not found', { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const [t, ta] = await Promise.all([getTranslations('auditLog.csv'), getTranslations('auditActions')]);
  try {
    const { fileName, body } = await exportAuditEventsCsv(
      ctx,
      params,
      AUDIT_CSV_COLUMNS.map((c) => t(c)),
      (a) => (ta.has(a) ? ta(a) : a),
    );
    return csvResponse(fileName, body);
  } catch (error) {
    if (error instanceof NotFound || error instanceof Refused) return new Response('Not found', { status: 404 });
    throw error;
  }
}
