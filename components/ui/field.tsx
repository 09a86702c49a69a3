import type { ComponentProps } from 'react';

type Props = ComponentProps<'input'> & { label: string; name: string; errors?: string[] };

/** A labelled input whose errors are tied to it for screen readers. */
export function Field({ label, name, errors, id = name, ...props }: Props) {
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
        {...props}
      />
      {errors?.length ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
