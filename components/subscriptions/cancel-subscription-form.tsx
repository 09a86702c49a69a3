'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { cancelAction } from '@/actions/subscriptions';

/** The confirmed cancel (R7): immediate and final. */
export function CancelSubscriptionForm({
  subscriptionId,
  version,
  label,
}: {
  subscriptionId: string;
  version: number;
  label: string;
}) {
  const [state, run, pending] = useActionState(cancelAction, undefined);
  return (
    <form action={run} className="flex flex-col gap-2">
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending} className="bg-red-700 hover:bg-red-800">
        {label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
