import { getFormatter, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { audienceOf } from '@/lib/authz/context';
import { findGroups } from '@/lib/groups/manage-groups';
import { findUsers, USERS_PAGE_SIZE } from '@/lib/users/find-users';
import { assignableRoles } from '@/lib/users/roles';
import { INVITATION_DAYS } from '@/lib/users/user-tokens';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { SearchForm } from '@/components/ui/search-form';
import { ActionButton } from '@/components/ui/action-button';
import { IntlClient } from '@/components/ui/intl-client';
import { AddUserForm } from '@/components/users/add-user-form';
import { TenantUsersView } from '@/components/tenant/tenant-users-view';
import { findTenantUsers } from '@/lib/tenant/tenant-users';
import { RoleForm } from '@/components/users/role-form';
import { CreateGroupForm } from '@/components/users/create-group-form';
import { ResetFactorsButton } from '@/components/mfa/reset-factors-button';
import { RequireMfaForm } from '@/components/mfa/require-mfa-form';
import { readRequireMfa } from '@/lib/mfa/require-mfa-scope';
import { AddMemberForm } from '@/components/users/add-member-form';
import {
  addGroupMemberAction,
  addUserAction,
  changeUserRoleAction,
  createGroupAction,
  deleteGroupAction,
  removeGroupMemberAction,
  removeUserAction,
  resendUserInvitationAction,
  revokeUserInvitationAction,
  setUserEnabledAction,
} from '@/actions/users';

/** Users: an org admin's colleagues; add with an invitation, change role, disable or enable, remove. */
export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const ctx = await requirePageCtx('/users');
  const { q } = await searchParams;
  if (ctx.customerId) {
    // A customer tenant's admin: the tenant's users (temporary passwords, no invitations).
    const customerId = ctx.customerId;
    const [found, requireMfa] = await loadOr404(() =>
      Promise.all([findTenantUsers(ctx, { customerId, q }), readRequireMfa(ctx)]),
    );
    const t = await getTranslations('users');
    return (
      <>
        <PageHeader title={t('title')} />
        <TenantUsersView
          customerId={customerId}
          tenant={ctx.orgName}
          q={q}
          found={found}
          requireMfa={requireMfa}
          allowed={{ manageUsers: true, resetPasswords: true, manageAdmins: true }}
        />
      </>
    );
  }
  const { users, more, groups, requireMfa } = await loadOr404(async () => {
    assertAudience(ctx, 'provider', 'reseller', 'vendor');
    const [found, groups, requireMfa] = await Promise.all([
      findUsers(ctx, { q }),
      audienceOf(ctx) === 'vendor' ? Promise.resolve(null) : findGroups(ctx),
      readRequireMfa(ctx),
    ]);
    return { ...found, groups, requireMfa };
  });
  const [t, tr, tg, tm, format] = await Promise.all([
    getTranslations('users'),
    getTranslations('roles'),
    getTranslations('groups'),
    getTranslations('mfa.organisation'),
    getFormatter(),
  ]);
  const members = users.filter((u) => u.status !== 'disabled');
  const date = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const roles = assignableRoles(ctx);
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-slate-700">{t('intro', { org: ctx.orgName })}</p>
      <IntlClient namespaces={['users', 'roles', 'groups', 'mfa']}>
        <Section id="add" title={t('add')}>
          <AddUserForm roles={roles} days={INVITATION_DAYS} action={addUserAction} />
        </Section>
        <Section id="sign-in" title={t('signInSection')}>
          {requireMfa === null ? (
            <p className="max-w-3xl text-slate-700">{tm('vendorAlways')}</p>
          ) : (
            <RequireMfaForm requireMfa={requireMfa} />
          )}
        </Section>
        <Section id="users" title={t('title')}>
          <SearchForm label={t('search')} defaultValue={q} />
          <Table
            caption={t('title')}
            headers={[t('name'), t('email'), t('role'), t('status'), t('lastSignIn'), t('actions')]}
            empty={users.length ? undefined : t('none')}
          >
            {users.map((user) => (
              <tr key={user.id}>
                <Td className="font-medium">
                  {user.name} {user.self ? <span className="text-slate-600">{t('you')}</span> : null}
                </Td>
                <Td className="break-all">{user.email}</Td>
                <Td className="whitespace-nowrap">
                  {roles.length > 1 ? (
                    <RoleForm
                      userId={user.id}
                      name={user.name}
                      role={user.role}
                      roles={roles}
                      action={changeUserRoleAction}
                    />
                  ) : (
                    tr(user.role)
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  <StatusBadge>{t(`statuses.${user.status}`)}</StatusBadge>
                  {user.status === 'invited' && user.invitationExpiresAt ? (
                    <span className="mt-1 block text-xs text-slate-600">
                      {t('invitedUntil', { date: date(user.invitationExpiresAt) })}
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">{user.lastSignInAt ? date(user.lastSignInAt) : t('never')}</Td>
                <Td>
                  {user.self ? null : (
                    <div className="flex items-start gap-2">
                      {user.status === 'invited' || user.status === 'invitationExpired' ? (
                        <>
                          <ActionButton
                            action={resendUserInvitationAction}
                            fields={{ userId: user.id }}
                            label={t('resend')}
                            ariaLabel={t('resendNamed', { name: user.name })}
                            done={{ resent: t('resent') }}
                          />
                          <ActionButton
                            action={revokeUserInvitationAction}
                            fields={{ userId: user.id }}
                            label={t('revoke')}
                            ariaLabel={t('revokeNamed', { name: user.name })}
                            done={{ revoked: t('revoked') }}
                          />
                        </>
                      ) : (
                        <>
                          <ActionButton
                            action={setUserEnabledAction}
                            fields={{ userId: user.id, enabled: user.disabled ? 'true' : 'false' }}
                            label={user.disabled ? t('enable') : t('disable')}
                            ariaLabel={t(user.disabled ? 'enableNamed' : 'disableNamed', { name: user.name })}
                            done={{ enabled: t('enabled'), disabled: t('disabled') }}
                          />
                          <ResetFactorsButton userId={user.id} userName={user.name} />
                          <ActionButton
                            action={removeUserAction}
                            fields={{ userId: user.id }}
                            label={t('remove')}
                            ariaLabel={t('removeNamed', { name: user.name })}
                            done={{ removed: t('removed') }}
                          />
                        </>
                      )}
                    </div>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
          {more ? <p className="mt-2 text-sm text-slate-600">{t('more', { count: USERS_PAGE_SIZE })}</p> : null}
        </Section>
        {groups ? (
          <Section id="groups" title={tg('title')}>
            <p className="mb-3 max-w-3xl text-sm text-slate-700">{tg('intro')}</p>
            <CreateGroupForm action={createGroupAction} />
            {groups.length === 0 ? <p className="mt-3 text-sm text-slate-600">{tg('none')}</p> : null}
            {groups.map((group) => {
              const inGroup = new Set(group.members.map((m) => m.user.id));
              return (
                <section
                  key={group.id}
                  aria-label={group.name}
                  className="mt-4 rounded border border-slate-200 bg-white p-4"
                >
                  <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">{group.name}</h3>
                    <ActionButton
                      action={deleteGroupAction}
                      fields={{ groupId: group.id }}
                      label={tg('delete')}
                      ariaLabel={tg('deleteNamed', { group: group.name })}
                    />
                  </div>
                  {group.members.length === 0 ? (
                    <p className="mb-2 text-sm text-slate-600">{tg('noMembers')}</p>
                  ) : (
                    <ul className="mb-2 divide-y divide-slate-100">
                      {group.members.map(({ user }) => (
                        <li key={user.id} className="flex flex-wrap items-center justify-between gap-2 py-1 text-sm">
                          <span>
                            {user.name} <span className="text-slate-600">{user.email}</span>
                          </span>
                          <ActionButton
                            action={removeGroupMemberAction}
                            fields={{ groupId: group.id, userId: user.id }}
                            label={tg('remove')}
                            ariaLabel={tg('removeNamed', { name: user.name, group: group.name })}
                          />
                        </li>
                      ))}
                    </ul>
                  )}
                  <AddMemberForm
                    groupId={group.id}
                    group={group.name}
                    users={members.filter((u) => !inGroup.has(u.id))}
                    action={addGroupMemberAction}
                  />
                </section>
              );
            })}
          </Section>
        ) : null}
      </IntlClient>
    </>
  );
}
