import { getFormatter, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience, can } from '@/lib/authz/policy';
import { findApiApps } from '@/lib/api-apps/find-api-apps';
import { SECRET_GRACE_HOURS } from '@/lib/api-apps/rotate-api-app-secret';
import { SCOPE_NAMES, grantable } from '@/lib/api-apps/scopes';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { ActionButton } from '@/components/ui/action-button';
import { IntlClient } from '@/components/ui/intl-client';
import { RegisterAppForm } from '@/components/api-apps/register-app-form';
import { RotateSecretForm } from '@/components/api-apps/rotate-secret-form';
import { createApiAppAction, revokeApiAppAction, rotateApiAppSecretAction } from '@/actions/api-apps';

/** API apps: an org admin's apps of the Partner API, each with its scopes; register, rotate a secret, revoke. */
export default async function ApiAppsPage() {
  const ctx = await requirePageCtx('/api-apps');
  const apps = await loadOr404(async () => {
    assertAudience(ctx, 'provider', 'reseller');
    return findApiApps(ctx);
  });
  const [t, format] = await Promise.all([getTranslations('apiApps'), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const scopes = SCOPE_NAMES.filter((scope) => grantable(scope, (permission) => can(ctx, permission)));
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-slate-700">{t('intro')}</p>
      <IntlClient namespaces={['apiApps']}>
        <Section id="register" title={t('register')}>
          <RegisterAppForm scopes={scopes} action={createApiAppAction} />
        </Section>
        <Section id="apps" title={t('title')}>
          <Table
            caption={t('title')}
            headers={[t('name'), t('clientId'), t('scopes'), t('created'), t('lastUsed'), t('status'), '']}
            empty={apps.length ? undefined : t('none')}
          >
            {apps.map((app) => (
              <tr key={app.id}>
                <Td className="font-medium">{app.name}</Td>
                <Td className="font-mono text-xs break-all">{app.clientId}</Td>
                <Td className="font-mono text-xs">{app.scopes.join(' ')}</Td>
                <Td className="whitespace-nowrap">{date(app.createdAt)}</Td>
                <Td className="whitespace-nowrap">{app.lastUsedAt ? date(app.lastUsedAt) : t('never')}</Td>
                <Td className="whitespace-nowrap">
                  <StatusBadge>{t(app.revokedAt ? 'revoked' : 'active')}</StatusBadge>
                </Td>
                <Td>
                  {app.revokedAt ? null : (
                    <div className="flex flex-wrap items-start gap-3">
                      <RotateSecretForm
                        appId={app.id}
                        name={app.name}
                        graceHours={SECRET_GRACE_HOURS}
                        action={rotateApiAppSecretAction}
                      />
                      <ActionButton
                        action={revokeApiAppAction}
                        fields={{ appId: app.id }}
                        label={t('revoke')}
                        ariaLabel={t('revokeNamed', { name: app.name })}
                        done={{ revoked: t('revoked') }}
                      />
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        </Section>
      </IntlClient>
    </>
  );
}
