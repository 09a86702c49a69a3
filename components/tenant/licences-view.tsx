import { getTranslations } from 'next-intl/server';
import type { findTenantLicences } from '@/lib/tenant/licences';
import { ActionButton } from '@/components/ui/action-button';
import { IntlClient } from '@/components/ui/intl-client';
import { AssignLicenceForm } from './assign-licence-form';
import { assignLicenceAction, unassignLicenceAction } from '@/actions/tenant';

/** A customer tenant's licences: per subscription, who holds one, and assigning more up to its quantity. */
export async function LicencesView({
  customerId,
  tenant,
  licences: { subscriptions, users },
  canAssign,
}: {
  customerId: string;
  tenant: string;
  licences: Awaited<ReturnType<typeof findTenantLicences>>;
  /** Whether the viewer may assign and take back (a Global Reader only reads). */
  canAssign: boolean;
}) {
  const t = await getTranslations('tenant');
  return (
    <>
      <p className="mb-4 max-w-3xl text-slate-700">{t('licencesIntro', { tenant })}</p>
      {subscriptions.length === 0 ? <p className="text-sm text-slate-600">{t('noSubscriptions')}</p> : null}
      <IntlClient namespaces={['tenant']}>
        {subscriptions.map((s) => {
          const holders = new Set(s.assigned.map((u) => u.id));
          return (
            <section key={s.id} aria-label={s.offer.name} className="mb-4 rounded border border-slate-200 bg-white p-4">
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">{s.offer.name}</h2>
                <p className="text-sm text-slate-700">
                  {t('assignedCount', { assigned: s.assigned.length, quantity: s.quantity })}
                </p>
              </div>
              {s.assigned.length === 0 ? (
                <p className="mb-3 text-sm text-slate-600">{t('nobody')}</p>
              ) : (
                <ul className="mb-3 divide-y divide-slate-100">
                  {s.assigned.map((u) => (
                    <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-1 text-sm">
                      <span>
                        {u.name} <span className="text-slate-600">{u.email}</span>
                      </span>
                      {canAssign ? (
                        <ActionButton
                          action={unassignLicenceAction}
                          fields={{ customerId, subscriptionId: s.id, userId: u.id }}
                          label={t('unassign')}
                          ariaLabel={t('unassignNamed', { offer: s.offer.name, name: u.name })}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {canAssign ? (
                <AssignLicenceForm
                  customerId={customerId}
                  subscriptionId={s.id}
                  offer={s.offer.name}
                  users={users.filter((u) => !holders.has(u.id))}
                  action={assignLicenceAction}
                />
              ) : null}
            </section>
          );
        })}
      </IntlClient>
    </>
  );
}
