'use client';
import { Link } from '@/components/ui/link';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { respondToInvitationAction } from '@/actions/partnerships';

/** Tick the checkbox and Authorize indirect provider, or Decline (F2). */
export function AcceptInvitationForm({ token, provider }: { token: string; provider: string }) {
  const t = useTranslations('partnerships.accept');
  const [state, run, pending] = useActionState(respondToInvitationAction, undefined);
  const outcome = state?.ok ? state.data?.status : undefined;
  if (outcome === 'accepted' || outcome === 'alreadyAccepted' || outcome === 'declined') {
    return (
      <div role="status" className="rounded border border-green-300 bg-green-50 p-4">
        <p>{outcome === 'declined' ? t('declinedDone') : t('accepted', { provider })}</p>
        {outcome !== 'declined' ? (
          <Link href="/indirect-providers" className="mt-3 inline-block text-brand underline">
            {t('goToProviders')}
          </Link>
        ) : null}
      </div>
    );
  }
  const agreeErrors = state?.fieldErrors?.agree;
  return (
    <form action={run} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok && !agreeErrors ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <div className="flex items-start gap-2">
        <input
          id="agree"
          name="agree"
          type="checkbox"
          className="mt-1 h-4 w-4"
          aria-invalid={agreeErrors ? true : undefined}
          aria-describedby={agreeErrors ? 'agree-error' : undefined}
        />
        <label htmlFor="agree" className="text-sm">
          {t('agree', { provider })}
        </label>
      </div>
      {agreeErrors ? (
        <p id="agree-error" role="alert" className="text-sm text-red-700">
          {agreeErrors.join(' ')}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" name="decision" value="accept" disabled={pending}>
          {t('authorize')}
        </Button>
        <Button type="submit" name="decision" value="decline" variant="secondary" disabled={pending}>
          {t('decline')}
        </Button>
      </div>
    </form>
  );
}
