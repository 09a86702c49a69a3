'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Props = {
  groupId: string;
  group: string;
  users: { id: string; name: string; email: string }[];
  action: (prev: ActionState<string> | undefined, form: FormData) => Promise<ActionState<string>>;
};

/** Add member: one of the organisation's users not yet in the group. */
export function AddMemberForm({ groupId, group, users, action }: Props) {
  const t = useTranslations('groups');
  const [state, run, pending] = useActionState(action, undefined);
  const id = `member-${groupId}`;
  return (
    <form action={run} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="groupId" value={groupId} />
      <label htmlFor={id} className="sr-only">
        {t('addTo', { group })}
      </label>
      <select id={id} name="userId" className="rounded border border-slate-400 bg-white px-2 py-1 text-sm">
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name} ({u.email})
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending || users.length === 0} className="px-3 py-1">
        {t('addMember')}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
