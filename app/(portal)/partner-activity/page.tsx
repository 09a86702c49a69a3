import { getFormatter, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findPartnerActivity } from '@/lib/tenant/activity';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';

function describe(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail as Record<string, unknown>)
    .filter(([key]) => key !== 'userId')
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** Partner activity: what partner users did in the tenant, through which relationship and role. */
export default async function PartnerActivityPage() {
  const ctx = await requirePageCtx('/partner-activity');
  const rows = await loadOr404(async () => {
    assertAudience(ctx, 'customer');
    return findPartnerActivity(ctx);
  });
  const [t, ta, tr, format] = await Promise.all([
    getTranslations('partnerActivity'),
    getTranslations('auditActions'),
    getTranslations('adminRelationships.roleNames'),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-slate-700">{t('intro')}</p>
      <Table
        caption={t('title')}
        headers={[t('when'), t('partner'), t('user'), t('via'), t('what')]}
        empty={rows.length ? undefined : t('none')}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">
              {format.dateTime(r.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </Td>
            <Td>
              {r.relationship.partner.legalName} ({r.relationship.partner.mpnId})
            </Td>
            <Td>{r.user ? `${r.user.name} (${r.user.email})` : '—'}</Td>
            <Td>
              {r.relationship.name} · {tr(r.role)}
            </Td>
            <Td>
              <span className="font-medium">{ta.has(r.action) ? ta(r.action) : r.action}</span>{' '}
              <span className="text-slate-600">{describe(r.detail)}</span>
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
