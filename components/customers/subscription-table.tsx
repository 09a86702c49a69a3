import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Table, Td } from '@/components/ui/table';
import { StatusBadge } from '@/components/ui/page-header';

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
      {subscriptions.map((s) => (
        <tr key={s.id}>
          <Td><Link href={`/subscriptions/${s.id}`} className="font-medium text-brand underline hover:text-brand-dark">{s.offer.name}</Link></Td>
          <Td>{s.quantity}</Td>
          <Td><StatusBadge>{t(`statuses.${s.status}`)}</StatusBadge></Td>
          <Td>{s.reseller ? `${s.reseller.legalName} (${s.reseller.mpnId})` : '—'}</Td>
          <Td>
            <span className="font-medium">{s.supportContactOrg.legalName}</span>
            <span className="block text-xs text-slate-600">{[s.supportContactOrg.contactEmail, s.supportContactOrg.contactPhone].filter(Boolean).join(' · ')}</span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
