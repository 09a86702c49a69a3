'use client';
import { useTranslations } from '@/components/ui/intl';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';

type Props = {
  roles: readonly string[];
  defaultRole: string;
  /** What was typed, sent back with a refusal. */
  typed?: Record<string, string | string[]>;
  errors?: Record<string, string[]>;
};

/** Add user's fields, for an organisation's and a customer tenant's admin alike: email, name and role. */
export function NewUserFields({ roles, defaultRole, typed, errors }: Props) {
  const t = useTranslations('users');
  const tr = useTranslations('roles');
  return (
    <>
      <Field
        label={t('email')}
        name="email"
        type="email"
        autoComplete="off"
        maxLength={254}
        defaultValue={String(typed?.email ?? '')}
        errors={errors?.email}
      />
      <Field
        label={t('name')}
        name="name"
        maxLength={100}
        defaultValue={String(typed?.name ?? '')}
        errors={errors?.name}
      />
      <SelectField
        label={t('role')}
        name="role"
        id="add-user-role"
        defaultValue={String(typed?.role ?? defaultRole)}
        errors={errors?.role}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {tr(role)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
