'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Props = {
  userId: string;
  name: string;
  role: string;
  roles: readonly string[];
  action: (prev: ActionState<string> | undefined, form: FormData) => Promise<ActionState<string>>;
};

/** One row's role: a select and **Change role**; the user's sessions end when it changes. */
export function RoleForm({ userId, name, role, roles, action }: Props) {
  const t = useTranslations('users');
  const tr = useTranslations('roles');
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        defaultValue={role}
        aria-label={t('roleOf', { name })}
        className="rounded border border-slate-400 bg-white px-2 py-1 text-sm"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {tr(r)}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        className="px-3 py-1"
        aria-label={`${t('saveRole')}: ${name}`}
      >
        {t('saveRole')}
      </Button>
      {state?.ok && state.data === 'changed' ? (
        <span role="status" className="text-xs text-green-800">
          {t('roleChanged')}
        </span>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError ??
            Object.values(state.fieldErrors ?? {})
              .flat()
              .join(' ')}
        </span>
      ) : null}
    </form>
  );
}
