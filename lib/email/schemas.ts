import { z } from 'zod';
import { withoutNul } from '@/lib/validation/text';

// The mailbox page's filter, as it arrives in the URL.

export const findMailboxInput = z.object({
  // Addresses are stored lowercased (enqueue.ts); an empty box means "everyone",
  // and an overlong one simply matches nothing.
  to: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => (v === undefined ? undefined : withoutNul(v).slice(0, 320) || undefined)),
});
export type FindMailboxInput = z.input<typeof findMailboxInput>;
