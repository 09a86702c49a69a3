import { getLocale, getTranslations } from 'next-intl/server';
import { Table, Td } from '@/components/ui/table';
import { formatDateTime } from './format';

type Event = {
  id: string;
  occurredAt: Date;
  action: string;
  actorName: string | null;
  actorOrg: string | null;
  before: unknown;
  after: unknown;
};
type Values = Record<string, unknown>;

const KNOWN = [
  'created',
  'quantity_changed',
  'upgraded',
  'reseller_changed',
  'support_contact_changed',
  'suspended',
  'reactivated',
  'cancelled',
];

/** Every change of the subscription: when, who (user and organisation), what (before → after). */
export async function SubscriptionHistory({ events }: { events: Event[] }) {
  const [t, ts, locale] = await Promise.all([
    getTranslations('subscriptionDetail'),
    getTranslations('subscriptions'),
    getLocale(),
  ]);
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? t('none') : String(v));
  function summary(e: Event): string {
    const before = (e.before ?? {}) as Values;
    const after = (e.after ?? {}) as Values;
    const pick = (key: string) => `${show(before[key])} → ${show(after[key])}`;
    switch (e.action) {
      case 'subscription.created':
        return `${t('licences')}: ${show(after.quantity)}`;
      case 'subscription.quantity_changed':
        return pick('quantity');
      case 'subscription.upgraded':
        return pick('offer');
      case 'subscription.reseller_changed':
        return pick('reseller');
      case 'subscription.support_contact_changed':
        return pick('supportContact');
      default: {
        const status = (v: unknown) => (typeof v === 'string' ? ts(`statuses.${v}`) : show(v));
        return before.status || after.status ? `${status(before.status)} → ${status(after.status)}` : '';
      }
    }
  }
  const label = (action: string) => {
    const name = action.replace(/^subscription\./, '');
    return t(`actions.${KNOWN.includes(name) ? name : 'other'}`);
  };
  return (
    <Table
      caption={t('historyTitle')}
      headers={[t('when'), t('who'), t('what')]}
      empty={events.length === 0 ? t('historyEmpty') : undefined}
    >
      {events.map((e) => (
        <tr key={e.id}>
          <Td className="whitespace-nowrap">{formatDateTime(e.occurredAt, locale)}</Td>
          <Td>
            {e.actorName ?? t('system')}
            {e.actorOrg ? <span className="sub">{e.actorOrg}</span> : null}
          </Td>
          <Td>
            <span className="font-medium">{label(e.action)}</span>{' '}
            <span className="block text-slate-700">{summary(e)}</span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
