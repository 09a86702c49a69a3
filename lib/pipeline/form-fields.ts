import type { Fields } from './run';

/** A form's fields as a record: a repeated name becomes a list; React's own `$ACTION…` fields are left out. */
export function formFields(formData: FormData): Fields {
  const out: Fields = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const MAX_ECHOED_TEXT = 4000;
const MAX_ECHOED_LIST = 50;

/**
 * What was typed in the named fields, sent back with a refusal so the form
 * shows it again: text capped, files dropped; a field sent twice or more
 * (a multi-select) is a list, a field not sent (an unticked box) is absent.
 */
export function echoedValues(formData: FormData, names: readonly string[]): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const name of names) {
    const texts = formData
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .slice(0, MAX_ECHOED_LIST)
      .map((v) => v.slice(0, MAX_ECHOED_TEXT));
    if (texts.length === 1) values[name] = texts[0]!;
    else if (texts.length > 1) values[name] = texts;
  }
  return values;
}
