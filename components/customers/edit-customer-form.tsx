'use client';
import { useActionState, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { keepTypedValues } from '@/components/ui/keep-typed-values';
import { updateCustomerDetailsAction } from '@/actions/customers';

const TEXT_FIELDS = [
  'companyName',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'contactFirstName',
  'contactLastName',
  'contactEmail',
  'contactPhone',
] as const;
type Values = Record<(typeof TEXT_FIELDS)[number] | 'country' | 'language', string>;

/** Account info of a customer, for its provider or managing reseller (R3). */
export function EditCustomerForm({
  customerId,
  version,
  initial,
  countries,
}: {
  customerId: string;
  version: string;
  initial: Values;
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations('newCustomer');
  const te = useTranslations('customerEdit');
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [state, formAction, pending] = useActionState(updateCustomerDetailsAction, undefined);

  useEffect(() => {
    if (!state?.ok) return;
    router.push(`/customers/${customerId}?saved=1`);
    router.refresh();
  }, [state, router, customerId]);

  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  return (
    <form action={formAction} onReset={keepTypedValues} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && state.formError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800 sm:col-span-2">
          {state.formError}
        </p>
      ) : null}
      {TEXT_FIELDS.map((name) => (
        <Field
          key={name}
          label={t(`fields.${name}`)}
          name={name}
          value={values[name]}
          onChange={set(name)}
          errors={state?.fieldErrors?.[name]}
          type={name === 'contactEmail' ? 'email' : 'text'}
        />
      ))}
      <SelectField
        label={t('fields.country')}
        name="country"
        value={values.country}
        onChange={set('country')}
        errors={state?.fieldErrors?.country}
      >
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('fields.language')}
        name="language"
        value={values.language}
        onChange={set('language')}
        errors={state?.fieldErrors?.language}
      >
        <option value="en">English</option>
        <option value="ja">日本語</option>
      </SelectField>
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {te('save')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push(`/customers/${customerId}`)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
