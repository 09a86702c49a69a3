import { getFormatter, getTranslations } from 'next-intl/server';
import type { findTenantUsers } from '@/lib/tenant/tenant-users';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { SearchForm } from '@/components/ui/search-form';
import { StatusBadge } from '@/components/ui/page-header';
import { ActionButton } from '@/components/ui/action-button';
import { IntlClient } from '@/components/ui/intl-client';
import { AddTenantUserForm } from './add-tenant-user-form';
import { ResetPasswordButton } from './reset-password-button';
import { ResetFactorsButton } from '@/components/mfa/reset-factors-button';
import { RequireMfaForm } from '@/components/mfa/require-mfa-form';
import { addTenantUserAction, resetTenantUserPasswordAction, setTenantUserEnabledAction } from '@/actions/tenant';

/** A customer tenant's users, for whoever may manage them (the tenant's admin). */
export async function TenantUsersView({
  customerId,
  tenant,
  q,
  found: { users },
  requireMfa,
  allowed,
}: {
  customerId: string;
  tenant: string;
  q?: string;
  found: Awaited<ReturnType<typeof findTenantUsers>>;
  /** The tenant's own admin: whether its users must sign in with a second factor; null for a partner. */
  requireMfa: boolean | null;
  /** What the viewer may do here (the tenant's admin: everything; a partner: what its delegated roles allow). */
  allowed: { manageUsers: boolean; resetPasswords: boolean; manageAdmins: boolean };
}) {
  const [t, tt, tr, format] = await Promise.all([
    getTranslations('users'),
    getTranslations('tenant'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p className="mb-4 max-w-3xl text-slate-700">{tt('usersIntro', { tenant })}</p>
      <IntlClient namespaces={['users', 'tenant', 'roles', 'mfa']}>
        {allowed.manageUsers ? (
          <Section id="add" title={t('add')}>
            <AddTenantUserForm customerId={customerId} action={addTenantUserAction} />
          </Section>
        ) : null}
        {requireMfa !== null ? (
          <Section id="sign-in" title={t('signInSection')}>
            <RequireMfaForm requireMfa={requireMfa} />
          </Section>
        ) : null}
        <Section id="users" title={t('title')}>
          <SearchForm label={t('search')} defaultValue={q} />
          <Table
            caption={t('title')}
            headers={[
              t('name'),
              t('email'),
              t('role'),
              tt('licencesColumn'),
              t('status'),
              t('lastSignIn'),
              t('actions'),
            ]}
            empty={users.length ? undefined : t('none')}
          >
            {users.map((user) => (
              <tr key={user.id}>
                <Td className="font-medium">
                  {user.name} {user.self ? <span className="text-slate-600">{t('you')}</span> : null}
                </Td>
                <Td className="break-all">{user.email}</Td>
                <Td className="whitespace-nowrap">{tr(user.role)}</Td>
                <Td>{user.licences}</Td>
                <Td className="whitespace-nowrap">
                  <StatusBadge>{t(`statuses.${user.disabled ? 'disabled' : 'active'}`)}</StatusBadge>
                  {user.mustChangePassword && !user.disabled ? (
                    <span className="mt-1 block text-xs text-slate-600">{tt('mustChange')}</span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">{user.lastSignInAt ? date(user.lastSignInAt) : t('never')}</Td>
                <Td>
                  {user.self || (user.role === 'CUSTOMER_ADMIN' && !allowed.manageAdmins) ? null : (
                    <div className="flex items-start gap-2">
                      {allowed.resetPasswords ? (
                        <ResetPasswordButton
                          customerId={customerId}
                          userId={user.id}
                          name={user.name}
                          action={resetTenantUserPasswordAction}
                        />
                      ) : null}
                      {requireMfa !== null ? <ResetFactorsButton userId={user.id} userName={user.name} /> : null}
                      {allowed.manageUsers ? (
                        <ActionButton
                          action={setTenantUserEnabledAction}
                          fields={{ customerId, userId: user.id, enabled: user.disabled ? 'true' : 'false' }}
                          label={user.disabled ? t('enable') : t('disable')}
                          ariaLabel={t(user.disabled ? 'enableNamed' : 'disableNamed', { name: user.name })}
                          done={{ enabled: t('enabled'), disabled: t('disabled') }}
                        />
                      ) : null}
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
