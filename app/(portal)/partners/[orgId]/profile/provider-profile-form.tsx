'use client';
import { useActionState } from 'react';
import { Link } from '@/components/ui/link';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextareaField } from '@/components/ui/textarea-field';
import { updateProviderProfileAction } from '@/actions/organizations';

type Profile = {
  description: string;
  regionsServed: string[];
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
};

export function ProviderProfileForm({
  orgId,
  profile,
  version,
}: {
  orgId: string;
  profile: Profile | null;
  version: string;
}) {
  const t = useTranslations('profile');
  const [state, action, pending] = useActionState(updateProviderProfileAction, undefined);
  // After a refusal show what was typed; otherwise the saved profile (the page re-renders after a save).
  const v = state?.values ?? {
    description: profile?.description ?? '',
    regionsServed: profile?.regionsServed.join(', ') ?? '',
    contactEmail: profile?.contactEmail ?? '',
    contactPhone: profile?.contactPhone ?? '',
    website: profile?.website ?? '',
  };
  const errors = state?.fieldErrors;
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4" noValidate>
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="version" value={state?.data?.version ?? version} />
      {state?.formError && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t('saved')}{' '}
          <Link href="/find-a-provider" className="lnk">
            {t('viewPublic')}
          </Link>
        </p>
      ) : null}
      <TextareaField
        label={t('description')}
        name="description"
        rows={5}
        maxLength={2000}
        defaultValue={v.description}
        errors={errors?.description}
      />
      <Field
        label={t('regionsServed')}
        name="regionsServed"
        defaultValue={v.regionsServed}
        errors={errors?.regionsServed}
        aria-describedby={errors?.regionsServed ? 'regionsServed-error' : 'regionsServed-hint'}
      />
      <p id="regionsServed-hint" className="-mt-3 text-xs text-slate-600">
        {t('regionsHint')}
      </p>
      <Field
        label={t('contactEmail')}
        name="contactEmail"
        type="email"
        maxLength={254}
        defaultValue={v.contactEmail}
        errors={errors?.contactEmail}
      />
      <Field
        label={t('contactPhone')}
        name="contactPhone"
        type="tel"
        maxLength={32}
        defaultValue={v.contactPhone}
        errors={errors?.contactPhone}
      />
      <Field
        label={t('website')}
        name="website"
        type="url"
        maxLength={200}
        placeholder="https://"
        defaultValue={v.website}
        errors={errors?.website}
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
        <Link href="/partners" className="lnk text-sm">
          {t('backToPartners')}
        </Link>
      </div>
    </form>
  );
}
