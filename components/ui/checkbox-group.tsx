/** A labelled group of checkboxes sharing one name (scopes, events), with its field errors under it. */
export function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  options: readonly string[];
  checked: ReadonlySet<string>;
  errors?: string[];
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset aria-describedby={errors ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option} className="flex items-center gap-2 font-mono text-sm">
            <input type="checkbox" name={name} value={option} defaultChecked={checked.has(option)} className="size-4" />
            {option}
          </label>
        ))}
      </div>
      {errors ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
