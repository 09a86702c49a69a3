'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Props = {
  relationshipId: string;
  name: string;
  roles: readonly string[];
  groups: { id: string; name: string }[];
  action: (prev: ActionState<string> | undefined, form: FormData) => Promise<ActionState<string>>;
};

/** Access assignment: one of the partner's groups and which of the relationship's roles it holds. */
export function AssignGroupForm({ relationshipId, name, roles, groups, action }: Props) {
  const t = useTranslations('adminRelationships');
  const [state, run, pending] = useActionState(action, undefined);
  const id = `assign-group-${relationshipId}`;
  return (
    <form action={run} aria-label={`${t('assignments')}: ${name}`} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="relationshipId" value={relationshipId} />
      <label htmlFor={id} className="text-sm">
        {t('group')}
      </label>
      <select id={id} name="groupId" className="rounded border border-slate-400 bg-white px-2 py-1 text-sm">
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      {roles.map((role) => (
        <label key={role} className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="roles" value={role} />
          {t(`roleNames.${role}`)}
        </label>
      ))}
      <Button type="submit" variant="secondary" disabled={pending || groups.length === 0} className="px-3 py-1">
        {t('saveAccess')}
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="w-full text-sm text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
