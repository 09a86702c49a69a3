'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Result = { offerId: string; name: string; active: boolean; changed: boolean };
type Props = {
  offerId: string;
  name: string;
  active: boolean;
  action: (prev: ActionState<Result> | undefined, formData: FormData) => Promise<ActionState<Result>>;
};

/** Deactivate or reactivate one offer of the list; offers are never deleted. */
export function OfferActiveForm({ offerId, name, active, action }: Props) {
  const t = useTranslations('offers');
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col">
      <input type="hidden" name="offerId" value={offerId} />
      {active ? (
        <Button
          type="submit"
          variant="secondary"
          disabled={pending}
          className="px-3 py-1 whitespace-nowrap"
          aria-label={t('deactivateNamed', { name })}
        >
          {t('deactivate')}
        </Button>
      ) : (
        <Button
          type="submit"
          name="active"
          value="true"
          disabled={pending}
          className="px-3 py-1 whitespace-nowrap"
          aria-label={t('activateNamed', { name })}
        >
          {t('activate')}
        </Button>
      )}
      <p role="status" className="text-xs not-empty:mt-1">
        {state?.ok && state.data ? t(state.data.active ? 'activated' : 'deactivated', { name: state.data.name }) : null}
      </p>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
