import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { setTenantOwnerAction } from '@/actions/relationships';

type Props = {
  customerId: string;
  reseller: { id: string; legalName: string } | null;
  held: boolean;
  hasAzurePlan: boolean;
};

/** R11 for the provider of record: give or take the managing reseller's Azure tenant owner permissions. */
export async function TenantOwnerControl({ customerId, reseller, held, hasAzurePlan }: Props) {
  const t = await getTranslations('relationships.tenantOwner');
  if (!reseller) return <p className="mt-3 text-sm text-slate-700">{t('noReseller')}</p>;
  if (!held && !hasAzurePlan) return <p className="mt-3 text-sm text-slate-700">{t('noAzurePlan')}</p>;
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3">
      <p className="text-sm">{t(held ? 'explainHeld' : 'explainGive', { reseller: reseller.legalName })}</p>
      <ActionButton
        action={setTenantOwnerAction}
        fields={{ customerId, resellerId: reseller.id, grant: held ? 'false' : 'true' }}
        label={t(held ? 'take' : 'give')}
        done={{ given: t('given'), taken: t('taken') }}
      />
    </div>
  );
}
