import { getLocale, getTranslations } from 'next-intl/server';
import { Table, Td } from '@/components/ui/table';
import { formatDateTime } from './format';

type Period = {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  quantity: number;
  reseller: { legalName: string; mpnId: string | null };
  offer: { name: string };
};

/** R8: the reseller association periods the incentives report is computed from. */
export async function AssociationPeriods({ periods }: { periods: Period[] }) {
  const [t, locale] = await Promise.all([getTranslations('subscriptionDetail'), getLocale()]);
  return (
    <Table
      caption={t('periodsTitle')}
      headers={[t('reseller'), t('offer'), t('licences'), t('from'), t('to')]}
      empty={periods.length === 0 ? t('periodsEmpty') : undefined}
    >
      {periods.map((p) => (
        <tr key={p.id}>
          <Td>
            {p.reseller.legalName} ({p.reseller.mpnId})
          </Td>
          <Td>{p.offer.name}</Td>
          <Td>{p.quantity}</Td>
          <Td className="whitespace-nowrap">{formatDateTime(p.startedAt, locale)}</Td>
          <Td className="whitespace-nowrap">{p.endedAt ? formatDateTime(p.endedAt, locale) : t('ongoing')}</Td>
        </tr>
      ))}
    </Table>
  );
}
