import { getTranslations } from 'next-intl/server';
import { Table } from '@/components/ui/table';
import { SubscriptionRows } from './subscription-rows';

type Row = {
  id: string;
  quantity: number;
  status: string;
  offer: { name: string };
  reseller: { legalName: string; mpnId: string | null } | null;
  supportContactOrg: { legalName: string; contactEmail: string | null; contactPhone: string | null };
};

/** A customer's subscriptions; each offer name opens the subscription's detail page (F5). */
export async function SubscriptionTable({ subscriptions }: { subscriptions: Row[] }) {
  const t = await getTranslations('subscriptions');
  return (
    <Table
      caption={t('title')}
      headers={[t('offer'), t('quantity'), t('status'), t('reseller'), t('supportContact')]}
      empty={subscriptions.length === 0 ? t('empty') : undefined}
    >
      <SubscriptionRows
        rows={subscriptions.map((s) => ({
          id: s.id,
          offer: s.offer.name,
          quantity: s.quantity,
          status: t(`statuses.${s.status}`),
          reseller: s.reseller ? `${s.reseller.legalName} (${s.reseller.mpnId})` : '—',
          supportContact: s.supportContactOrg.legalName,
          supportContactDetails: [s.supportContactOrg.contactEmail, s.supportContactOrg.contactPhone]
            .filter(Boolean)
            .join(' · '),
        }))}
      />
    </Table>
  );
}
