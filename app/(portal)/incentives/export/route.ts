import { getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { NotFound, Refused } from '@/lib/errors';
import { csvResponse } from '@/lib/reports/csv';
import { INCENTIVES_CSV_COLUMNS, exportIncentivesCsv } from '@/lib/reports/export-reports';

/** The incentives report as CSV; the domain function checks the permission and scope (404 otherwise). */
export async function GET(request: Request) {
  const ctx = await getCtx();
  if (!ctx || ctx.mustChangePassword || ctx.mustEnrolMfa) return new Response('Not found', { status: 404 });
  const params = new URL(request.url).searchParams;
  const t = await getTranslations('incentives.csv');
  try {
    const { fileName, body } = await exportIncentivesCsv(
      ctx,
      { month: params.get('month') ?? undefined, reseller: params.get('reseller') || undefined },
      INCENTIVES_CSV_COLUMNS.map((c) => t(c)),
    );
    return csvResponse(fileName, body);
  } catch (error) {
    if (error instanceof NotFound || error instanceof Refused) return new Response('Not found', { status: 404 });
    throw error;
  }
}
