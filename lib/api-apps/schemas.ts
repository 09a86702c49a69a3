import { z } from 'zod';
import { subjectText } from '@/lib/validation/text';
import { SCOPE_NAMES } from './scopes';

/** A form's checkboxes arrive as one value or several; the API sends a list. */
const scopeList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.enum(SCOPE_NAMES as [string, ...string[]], 'apiApps.errors.unknownScope'))
    .min(1, 'apiApps.errors.scopesRequired')
    .max(SCOPE_NAMES.length),
);

export const createApiAppInput = z.object({
  name: subjectText(80),
  scopes: scopeList,
});
export type CreateApiAppInput = z.input<typeof createApiAppInput>;

/** Rotate the secret of, or revoke, one app. */
export const apiAppInput = z.object({ appId: z.string().min(1).max(64) });
export type ApiAppInput = z.input<typeof apiAppInput>;
