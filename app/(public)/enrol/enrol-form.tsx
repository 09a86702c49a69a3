'use client';
import { useActionState } from 'react';
import { Link } from '@/components/ui/link';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { enrolAction } from '@/actions/organizations';

export function EnrolForm({ countries }: { countries: { code: string; name: string }[] }) {
  const t = useTranslations('enrol');
  const [state, action, pending] = useActionState(enrolAction, undefined);

  if (state?.ok && state.data) {
    return (
      <div role="status" className="rounded border border-amber-300 bg-amber-50 p-4">
        <h2 className="mb-2 text-lg font-semibold">{t('submittedTitle')}</h2>
        <p className="mb-4">{t('submitted', { company: state.data.companyName, email: state.data.email })}</p>
        <Link href="/sign-in" className="lnk">
          {t('signIn')}
        </Link>
      </div>
    );
  }

  const errors = state?.fieldErrors;
  const values = state?.values;
  return (
    <form action={action} className="flex flex-col gap-6" noValidate>
      {state?.formError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('company')}</legend>
        <Field
          label={t('companyName')}
          name="companyName"
          autoComplete="organization"
          required
          maxLength={200}
          defaultValue={values?.companyName}
          errors={errors?.companyName}
        />
        <Field
          label={t('mpnId')}
          name="mpnId"
          inputMode="numeric"
          required
          pattern="[0-9]{6,7}"
          maxLength={7}
          defaultValue={values?.mpnId}
          errors={errors?.mpnId}
          aria-describedby={errors?.mpnId ? 'mpnId-error' : 'mpnId-hint'}
        />
        <p id="mpnId-hint" className="-mt-3 text-xs text-slate-600">
          {t('mpnIdHint')}
        </p>
        {/* Remounted with what was sent, so that React's form reset keeps it selected. */}
        <SelectField
          key={String(values?.country ?? '')}
          label={t('country')}
          name="country"
          required
          defaultValue={values?.country ?? ''}
          errors={errors?.country}
        >
          <option value="" disabled>
            {t('chooseCountry')}
          </option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">{t('admin')}</legend>
        <Field
          label={t('adminName')}
          name="adminName"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={values?.adminName}
          errors={errors?.adminName}
        />
        <Field
          label={t('email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={values?.email}
          errors={errors?.email}
        />
        <Field
          label={t('password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          errors={errors?.password}
          aria-describedby={errors?.password ? 'password-error password-rules' : 'password-rules'}
        />
        <p id="password-rules" className="-mt-3 text-xs text-slate-600">
          {t('passwordRules')}
        </p>
        <Field
          label={t('confirmPassword')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          errors={errors?.confirmPassword}
        />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t('submit')}
      </Button>
      <p className="text-sm">
        {t('alreadyEnrolled')}{' '}
        <Link href="/sign-in" className="lnk">
          {t('signIn')}
        </Link>
      </p>
    </form>
  );
}
