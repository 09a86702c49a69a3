import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { findReceivedInvitations } from '@/lib/partnerships/find-invitations';
import { Section } from '@/components/ui/section';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';

export default async function IndirectProvidersPage() {
  const ctx = await requirePageCtx('/indirect-providers');
  const [rows, received] = await loadOr404(async () => {
    assertAudience(ctx, 'reseller');
    return Promise.all([findIndirectProviders(ctx), findReceivedInvitations(ctx)]);
  });
  const [t, tr, locale] = await Promise.all([
    getTranslations('providers'),
    getTranslations('partnerships.received'),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} />
      <Table
        caption={t('title')}
        headers={[t('name'), t('mpnId'), t('status'), t('partnerSince'), t('ended')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="font-medium">{r.provider.legalName}</Td>
            <Td>{r.provider.mpnId}</Td>
            <Td>
              <StatusBadge>{t(`states.${r.state}`)}</StatusBadge>
            </Td>
            <Td>{formatDate(r.startedAt, locale)}</Td>
            <Td>{formatDate(r.endedAt, locale)}</Td>
          </tr>
        ))}
      </Table>
      <Section id="received" title={tr('title')} className="mt-8">
        <p className="mb-3 text-sm text-slate-700">{tr('hint')}</p>
        <Table
          caption={tr('title')}
          headers={[tr('provider'), tr('sent'), tr('expires')]}
          empty={received.length === 0 ? tr('empty') : undefined}
        >
          {received.map((i) => (
            <tr key={i.id}>
              <Td className="font-medium">
                {i.provider.legalName} ({i.provider.mpnId})
              </Td>
              <Td>{formatDate(i.sentAt, locale)}</Td>
              <Td>{formatDate(i.expiresAt, locale)}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
