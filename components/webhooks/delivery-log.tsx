import { getFormatter, getTranslations } from 'next-intl/server';
import type { findWebhookDeliveries } from '@/lib/webhooks/find-webhook-deliveries';
import { StatusBadge } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { ActionButton } from '@/components/ui/action-button';
import { Link } from '@/components/ui/link';
import { resendWebhookDeliveryAction } from '@/actions/webhooks';

type Log = Awaited<ReturnType<typeof findWebhookDeliveries>>;

/** One endpoint's delivery log, newest first, a page at a time, with Resend on each delivery. */
export async function DeliveryLog({ log }: { log: Log }) {
  const [t, format] = await Promise.all([getTranslations('webhooks'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'medium' });
  const base = `/webhooks?endpoint=${encodeURIComponent(log.endpoint.id)}`;
  return (
    <Section id="log" title={t('logFor', { url: log.endpoint.url })}>
      <p className="mb-2 flex gap-4 text-sm">
        <Link href={`${base}#log`} className="underline">
          {t('refresh')}
        </Link>
      </p>
      <Table
        caption={t('log')}
        headers={[t('event'), t('deliveryStatus'), t('responseCode'), t('duration'), t('attempt'), t('time'), '']}
        empty={log.deliveries.length ? undefined : t('noDeliveries')}
      >
        {log.deliveries.map((d) => {
          const time = date(d.lastAttemptAt ?? d.createdAt);
          return (
            <tr key={d.id}>
              <Td className="font-mono text-xs">{d.eventType}</Td>
              <Td className="whitespace-nowrap">
                <StatusBadge>{t(`state.${d.state}`)}</StatusBadge>
                {d.error && d.state !== 'SUCCEEDED' ? (
                  <span className="mt-1 block max-w-xs text-xs break-all text-slate-600">{d.error}</span>
                ) : null}
              </Td>
              <Td className="font-mono">{d.responseStatus ?? '—'}</Td>
              <Td className="whitespace-nowrap">{d.durationMs === null ? '—' : t('ms', { ms: d.durationMs })}</Td>
              <Td>{d.attempts}</Td>
              <Td className="whitespace-nowrap">{time}</Td>
              <Td>
                <ActionButton
                  action={resendWebhookDeliveryAction}
                  fields={{ deliveryId: d.id }}
                  label={t('resend')}
                  ariaLabel={t('resendNamed', { event: d.eventType, time })}
                  done={{ resent: t('resent') }}
                />
              </Td>
            </tr>
          );
        })}
      </Table>
      {log.next ? (
        <p className="mt-2 text-sm">
          <Link href={`${base}&before=${log.next}#log`} className="underline">
            {t('older')}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}
