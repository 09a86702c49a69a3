'use client';
import { Link } from '@/components/ui/link';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { respondToRelationshipRequestAction } from '@/actions/relationships';

/** F6: the customer admin accepts or declines a reseller relationship request. */
export function RespondToRelationshipForm({ token, reseller }: { token: string; reseller: string }) {
  const t = useTranslations('relationshipRequest');
  const [state, run, pending] = useActionState(respondToRelationshipRequestAction, undefined);
  const outcome = state?.ok ? state.data?.status : undefined;
  if (outcome) {
    return (
      <div role="status" className="rounded border border-green-300 bg-green-50 p-4">
        <p>{outcome === 'declined' ? t('declinedDone') : t('accepted', { reseller })}</p>
        <Link href="/partner-relationships" className="mt-3 inline-block text-brand underline">
          {t('goToRelationships')}
        </Link>
      </div>
    );
  }
  return (
    <form action={run} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {state && !state.ok ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" name="decision" value="accept" disabled={pending}>
          {t('accept')}
        </Button>
        <Button type="submit" name="decision" value="decline" variant="secondary" disabled={pending}>
          {t('decline')}
        </Button>
      </div>
    </form>
  );
}
