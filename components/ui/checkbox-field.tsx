import type { ComponentProps } from 'react';

type Props = ComponentProps<'input'> & { label: string; name: string; hint?: string; errors?: string[] };

/** A labelled checkbox with an optional hint; errors are tied to it for screen readers. */
export function CheckboxField({ label, name, hint, errors, id = name, ...props }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          id={id}
          name={name}
          aria-describedby={describedBy || undefined}
          aria-invalid={errors?.length ? true : undefined}
          className="size-4"
          {...props}
        />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
