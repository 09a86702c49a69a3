'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Props = {
  customerId: string;
  subscriptionId: string;
  offer: string;
  users: { id: string; name: string; email: string }[];
  action: (prev: ActionState<string> | undefined, form: FormData) => Promise<ActionState<string>>;
};

/** Assign a licence of one subscription: a user not holding one yet, and **Assign**. */
export function AssignLicenceForm({ customerId, subscriptionId, offer, users, action }: Props) {
  const t = useTranslations('tenant');
  const [state, run, pending] = useActionState(action, undefined);
  const id = `assign-${subscriptionId}`;
  return (
    <form action={run} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="subscriptionId" value={subscriptionId} />
      <label htmlFor={id} className="text-sm">
        {t('assignTo', { offer })}
      </label>
      <select id={id} name="userId" className="rounded border border-slate-400 bg-white px-2 py-1 text-sm">
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending || users.length === 0} className="px-3 py-1">
        {t('assign')}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
