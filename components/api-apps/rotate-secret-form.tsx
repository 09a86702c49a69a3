'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { SecretOnce } from './secret-once';

type Result = { appId: string; clientSecret: string };
type Props = {
  appId: string;
  name: string;
  graceHours: number;
  action: (prev: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;
};

/** Rotate secret: the new secret is shown once, here; the previous one keeps working for the grace period. */
export function RotateSecretForm({ appId, name, graceHours, action }: Props) {
  const t = useTranslations('apiApps');
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className="flex flex-col gap-1">
      <input type="hidden" name="appId" value={appId} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        className="px-3 py-1 whitespace-nowrap"
        aria-label={t('rotateNamed', { name })}
      >
        {t('rotate')}
      </Button>
      {state?.ok && state.data ? (
        <SecretOnce clientSecret={state.data.clientSecret} note={t('rotated', { name, hours: graceHours })} />
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
