'use client';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { removePartnershipAction } from '@/actions/partnerships';

export function RemovePartnershipForm({ partnershipId, label }: { partnershipId: string; label: string }) {
  const [state, run, pending] = useActionState(removePartnershipAction, undefined);
  return (
    <form action={run} className="flex flex-col gap-2">
      <input type="hidden" name="partnershipId" value={partnershipId} />
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
