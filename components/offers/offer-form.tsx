'use client';
import { useActionState } from 'react';
import { Link } from '@/components/ui/link';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { UpgradeTargetsField, type OfferOption } from './upgrade-targets-field';

export const BILLING = ['MONTHLY', 'ANNUAL', 'USAGE'] as const;

/** What the form shows: the saved offer, or what was typed before a refusal. */
export type OfferFormValues = {
  sku: string;
  name: string;
  description: string;
  billingFrequency: string;
  termMonths: string;
  unitPrice: string;
  currency: string;
  minQuantity: string;
  maxQuantity: string;
  isAzurePlan: boolean;
  incentiveRate: string;
  upgradeTargetIds: string[];
  active: boolean;
};
export type OfferFormState = ActionState<{ offerId: string; name: string; version?: string }>;

/** The form's values as the refused action sent them back (see `echo`). */
function typedValues(values: NonNullable<OfferFormState['values']>): OfferFormValues {
  const text = (key: keyof OfferFormValues) => [values[key] ?? ''].flat()[0] ?? '';
  return {
    sku: text('sku'),
    name: text('name'),
    description: text('description'),
    billingFrequency: text('billingFrequency'),
    termMonths: text('termMonths'),
    unitPrice: text('unitPrice'),
    currency: text('currency'),
    minQuantity: text('minQuantity'),
    maxQuantity: text('maxQuantity'),
    isAzurePlan: 'isAzurePlan' in values,
    incentiveRate: text('incentiveRate'),
    upgradeTargetIds: [values.upgradeTargetIds ?? []].flat(),
    active: 'active' in values,
  };
}

type Props = {
  action: (prev: OfferFormState | undefined, formData: FormData) => Promise<OfferFormState>;
  initial: OfferFormValues;
  options: OfferOption[];
  /** Editing: the offer and its version (updatedAt when the form was opened). */
  offerId?: string;
  version?: string;
};

/** Add or edit an offer; every field is checked on the server, each message next to its field. */
export function OfferForm({ action, initial, options, offerId, version }: Props) {
  const t = useTranslations('offers');
  const [state, formAction, pending] = useActionState(action, undefined);
  const v = state?.values ? typedValues(state.values) : initial;
  const e = state?.fieldErrors;
  // Inputs are uncontrolled: a new key after each answer shows the values that answer carries.
  const key = JSON.stringify(v);
  return (
    <form key={key} action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      {offerId ? <input type="hidden" name="offerId" value={offerId} /> : null}
      {version ? <input type="hidden" name="version" value={state?.data?.version ?? version} /> : null}
      {state?.formError && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t('saved')}
        </p>
      ) : null}
      <Field label={t('name')} name="name" maxLength={200} required defaultValue={v.name} errors={e?.name} />
      <Field
        label={t('sku')}
        name="sku"
        maxLength={40}
        required
        defaultValue={v.sku}
        errors={e?.sku}
        aria-describedby={e?.sku ? 'sku-error' : 'sku-hint'}
      />
      <p id="sku-hint" className="-mt-3 text-xs text-slate-600">
        {t('skuHint')}
      </p>
      <TextareaField
        label={t('description')}
        name="description"
        rows={3}
        maxLength={2000}
        defaultValue={v.description}
        errors={e?.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('billingFrequency')}
          name="billingFrequency"
          defaultValue={v.billingFrequency}
          errors={e?.billingFrequency}
        >
          {BILLING.map((b) => (
            <option key={b} value={b}>
              {t(`billingFrequencies.${b}`)}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-col gap-1">
          <Field
            label={t('termMonths')}
            name="termMonths"
            inputMode="numeric"
            defaultValue={v.termMonths}
            errors={e?.termMonths}
            aria-describedby={e?.termMonths ? 'termMonths-error' : 'termMonths-hint'}
          />
          <p id="termMonths-hint" className="text-xs text-slate-600">
            {t('termHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Field
            label={t('unitPrice')}
            name="unitPrice"
            inputMode="decimal"
            required
            defaultValue={v.unitPrice}
            errors={e?.unitPrice}
            aria-describedby={e?.unitPrice ? 'unitPrice-error' : 'unitPrice-hint'}
          />
          <p id="unitPrice-hint" className="text-xs text-slate-600">
            {t('unitPriceHint')}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Field
            label={t('currency')}
            name="currency"
            maxLength={3}
            required
            autoCapitalize="characters"
            defaultValue={v.currency}
            errors={e?.currency}
            aria-describedby={e?.currency ? 'currency-error' : 'currency-hint'}
          />
          <p id="currency-hint" className="text-xs text-slate-600">
            {t('currencyHint')}
          </p>
        </div>
        <Field
          label={t('minQuantity')}
          name="minQuantity"
          inputMode="numeric"
          required
          defaultValue={v.minQuantity}
          errors={e?.minQuantity}
        />
        <Field
          label={t('maxQuantity')}
          name="maxQuantity"
          inputMode="numeric"
          required
          defaultValue={v.maxQuantity}
          errors={e?.maxQuantity}
        />
      </div>
      <CheckboxField
        label={t('isAzurePlan')}
        name="isAzurePlan"
        hint={t('azurePlanHint')}
        defaultChecked={v.isAzurePlan}
        errors={e?.isAzurePlan}
      />
      <Field
        label={t('incentiveRate')}
        name="incentiveRate"
        inputMode="decimal"
        required
        defaultValue={v.incentiveRate}
        errors={e?.incentiveRate}
      />
      <UpgradeTargetsField options={options} selected={v.upgradeTargetIds} errors={e?.upgradeTargetIds} />
      <CheckboxField label={t('active')} name="active" defaultChecked={v.active} errors={e?.active} />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {offerId ? t('save') : t('create')}
        </Button>
        <Link href="/offers" className="lnk text-sm">
          {t('backToOffers')}
        </Link>
      </div>
    </form>
  );
}
