import { useTranslations } from '@/components/ui/intl';

export type OfferOption = { id: string; name: string; sku: string; active: boolean };

/** The multi-select of upgrade targets: one checkbox per other offer, in a labelled group. */
export function UpgradeTargetsField({
  options,
  selected,
  errors,
}: {
  options: OfferOption[];
  selected: string[];
  errors?: string[];
}) {
  const t = useTranslations('offers');
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={errors?.length ? 'upgradeTargetIds-error' : 'upgradeTargetIds-hint'}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend className="text-sm font-medium">{t('upgradeTargets')}</legend>
      <p id="upgradeTargetIds-hint" className="text-xs text-slate-600">
        {options.length ? t('upgradeTargetsHint') : t('noOtherOffers')}
      </p>
      <div className="grid grid-cols-1 gap-1 rounded border border-slate-300 bg-white p-3 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="upgradeTargetIds"
              value={o.id}
              defaultChecked={selected.includes(o.id)}
              className="size-4"
            />
            <span>
              {o.name}{' '}
              <span className="text-slate-600">
                ({o.sku}){o.active ? null : ` ${t('inactiveSuffix')}`}
              </span>
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id="upgradeTargetIds-error" className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
