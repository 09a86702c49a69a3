// Words that list rows share, sent once per page instead of once per row.

/**
 * A label with "{name}" placeholders filled in: the page translates it once
 * with the placeholders standing for themselves (`t('open', { offer: '{offer}' })`)
 * and each row fills in its own values (taken literally, never as patterns).
 */
export function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Each distinct value of the rows with its label, computed once. */
export function labelsOf<T>(
  rows: T[],
  value: (row: T) => string,
  label: (value: string) => string,
): Record<string, string> {
  return Object.fromEntries([...new Set(rows.map(value))].map((v) => [v, label(v)]));
}
