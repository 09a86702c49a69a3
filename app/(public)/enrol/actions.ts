'use server';
import { getTranslations } from 'next-intl/server';
import { toFormState, type ActionState } from '@/lib/actions';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';

/** What the form shows again after a refusal: everything but the passwords. */
const ECHOED = ['companyName', 'mpnId', 'country', 'adminName', 'email'] as const;
export type EnrolState = ActionState<{ email: string; companyName: string }> & {
  values?: Partial<Record<(typeof ECHOED)[number], string>>;
};

/**
 * Public, so not defineAction (which requires a session): the domain function
 * parses the input itself and refuses taken MPN IDs and emails.
 */
export async function enrolAction(_prev: EnrolState | undefined, formData: FormData): Promise<EnrolState> {
  const t = await getTranslations();
  const raw = Object.fromEntries(
    [...formData.entries()].filter(([key, value]) => !key.startsWith('$ACTION') && typeof value === 'string'),
  );
  try {
    const { email, companyName } = await enrolReseller(raw as Parameters<typeof enrolReseller>[0]);
    return { ok: true, data: { email, companyName } };
  } catch (error) {
    const state = toFormState(error, (key, values) => (t.has(key) ? t(key, values) : t('errors.invalidValue')));
    const values = Object.fromEntries(
      ECHOED.map((key) => [key, typeof raw[key] === 'string' ? String(raw[key]).slice(0, 300) : '']),
    );
    return { ...state, values };
  }
}
