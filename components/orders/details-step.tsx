'use client';
import { useTranslations } from '@/components/ui/intl';
import { Field } from '@/components/ui/field';
import { DomainField } from './domain-field';
import { SelectField } from '@/components/ui/select-field';
import type { Country, Details, FieldErrors, PartyOption } from './types';

type Props = {
  mode: 'provider' | 'reseller';
  parties: PartyOption[];
  typedParty: boolean;
  party: string;
  onParty: (id: string) => void;
  details: Details;
  onChange: (field: keyof Details, value: string) => void;
  countries: Country[];
  tenantDomain: string;
  errors: FieldErrors;
};

/** Step 1, New customer: the reseller (or, for a reseller, the provider) and the customer's details. */
export function DetailsStep({
  mode,
  parties,
  typedParty,
  party,
  onParty,
  details,
  onChange,
  countries,
  tenantDomain,
  errors,
}: Props) {
  const t = useTranslations('newCustomer');
  const text = (field: keyof Details, type = 'text', autoComplete?: string) => (
    <Field
      label={t(`fields.${field}`)}
      name={field}
      type={type}
      autoComplete={autoComplete}
      value={details[field]}
      onChange={(e) => onChange(field, e.target.value)}
      errors={errors[field]}
    />
  );
  return (
    <div className="flex flex-col gap-4">
      {mode === 'provider' && typedParty ? (
        <Field
          label={t('fields.reseller')}
          name="resellerId"
          value={party}
          onChange={(e) => onParty(e.target.value)}
          inputMode="numeric"
          autoComplete="off"
          errors={errors.resellerId}
        />
      ) : mode === 'provider' ? (
        <SelectField
          label={t('fields.reseller')}
          name="resellerId"
          value={party}
          onChange={(e) => onParty(e.target.value)}
          errors={errors.resellerId}
        >
          <option value="">{t('noReseller')}</option>
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField
          label={t('fields.provider')}
          name="providerId"
          value={party}
          onChange={(e) => onParty(e.target.value)}
          errors={errors.providerId}
        >
          {parties.length === 0 ? <option value="">{t('noProviders')}</option> : null}
          {parties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('companySection')}</legend>
        {text('companyName', 'text', 'organization')}
        <DomainField
          value={details.domainPrefix}
          onChange={(v) => onChange('domainPrefix', v)}
          tenantDomain={tenantDomain}
          errors={errors.domainPrefix}
        />
        {text('addressLine1', 'text', 'address-line1')}
        {text('addressLine2', 'text', 'address-line2')}
        {text('city', 'text', 'address-level2')}
        {text('region', 'text', 'address-level1')}
        {text('postalCode', 'text', 'postal-code')}
        <SelectField
          label={t('fields.country')}
          name="country"
          value={details.country}
          onChange={(e) => onChange('country', e.target.value)}
          errors={errors.country}
        >
          <option value="">{t('chooseCountry')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t('contactSection')}</legend>
        {text('contactFirstName', 'text', 'given-name')}
        {text('contactLastName', 'text', 'family-name')}
        {text('contactEmail', 'email', 'email')}
        {text('contactPhone', 'tel', 'tel')}
        <SelectField
          label={t('fields.language')}
          name="language"
          value={details.language}
          onChange={(e) => onChange('language', e.target.value)}
          errors={errors.language}
        >
          <option value="en">English</option>
          <option value="ja">日本語</option>
        </SelectField>
      </fieldset>
    </div>
  );
}
