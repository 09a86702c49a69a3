import type { ComponentProps } from 'react';

type Props = ComponentProps<'select'> & { label: string; name: string; errors?: string[] };

/** A labelled select whose errors are tied to it, like Field. */
export function SelectField({ label, name, errors, id = name, children, ...props }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
        {...props}
      >
        {children}
      </select>
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
