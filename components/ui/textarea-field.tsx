import type { ComponentProps } from 'react';

type Props = ComponentProps<'textarea'> & { label: string; name: string; hint?: string; errors?: string[] };

/** A labelled textarea with an optional hint; errors are tied to it for screen readers. */
export function TextareaField({ label, name, hint, errors, id = name, ...props }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
