import { getFormatter, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findWebhookEndpoints } from '@/lib/webhooks/find-webhook-endpoints';
import { findWebhookDeliveries } from '@/lib/webhooks/find-webhook-deliveries';
import { EVENT_TYPES } from '@/lib/webhooks/events';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { ActionButton } from '@/components/ui/action-button';
import { IntlClient } from '@/components/ui/intl-client';
import { Link } from '@/components/ui/link';
import { AddEndpointForm } from '@/components/webhooks/add-endpoint-form';
import { DeliveryLog } from '@/components/webhooks/delivery-log';
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  sendTestEventAction,
  setWebhookEndpointEnabledAction,
} from '@/actions/webhooks';

type Search = { endpoint?: string; before?: string };

/** Webhooks: an org admin's endpoints (add, test event, disable or enable, delete) and one endpoint's delivery log. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/webhooks');
  const search = await searchParams;
  const endpointId = typeof search.endpoint === 'string' ? search.endpoint : undefined;
  const [endpoints, log] = await loadOr404(async () => {
    assertAudience(ctx, 'provider', 'reseller');
    return Promise.all([
      findWebhookEndpoints(ctx),
      endpointId ? findWebhookDeliveries(ctx, { endpointId, before: search.before }) : null,
    ]);
  });
  const [t, format] = await Promise.all([getTranslations('webhooks'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-slate-700">{t('intro')}</p>
      <IntlClient namespaces={['webhooks']}>
        <Section id="add" title={t('add')}>
          <AddEndpointForm events={EVENT_TYPES} action={createWebhookEndpointAction} />
        </Section>
        <Section id="endpoints" title={t('endpoints')}>
          <Table
            caption={t('endpoints')}
            headers={[t('url'), t('events'), t('created'), t('status'), '']}
            empty={endpoints.length ? undefined : t('none')}
          >
            {endpoints.map((e) => (
              <tr key={e.id}>
                <Td className="font-mono text-xs break-all">{e.url}</Td>
                <Td className="font-mono text-xs">{e.events.join(' ')}</Td>
                <Td className="whitespace-nowrap">{date(e.createdAt)}</Td>
                <Td className="whitespace-nowrap">
                  <StatusBadge>
                    {t(e.enabled ? 'enabled' : e.disabledReason === 'failing' ? 'disabledFailing' : 'disabled')}
                  </StatusBadge>
                </Td>
                <Td>
                  <div className="flex flex-wrap items-start gap-3">
                    <Link
                      href={`/webhooks?endpoint=${encodeURIComponent(e.id)}#log`}
                      className="px-1 py-1 underline"
                      aria-label={t('logNamed', { url: e.url })}
                    >
                      {t('log')}
                    </Link>
                    <ActionButton
                      action={sendTestEventAction}
                      fields={{ endpointId: e.id }}
                      label={t('sendTest')}
                      ariaLabel={t('sendTestNamed', { url: e.url })}
                      done={{ queued: t('testQueued') }}
                    />
                    <ActionButton
                      action={setWebhookEndpointEnabledAction}
                      fields={{ endpointId: e.id, enabled: String(!e.enabled) }}
                      label={t(e.enabled ? 'disable' : 'enable')}
                      ariaLabel={t(e.enabled ? 'disableNamed' : 'enableNamed', { url: e.url })}
                    />
                    <ActionButton
                      action={deleteWebhookEndpointAction}
                      fields={{ endpointId: e.id }}
                      label={t('delete')}
                      ariaLabel={t('deleteNamed', { url: e.url })}
                      done={{ deleted: t('deleted') }}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </Table>
        </Section>
        {log ? <DeliveryLog log={log} /> : null}
      </IntlClient>
    </>
  );
}
