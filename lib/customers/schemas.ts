import { z } from 'zod';

export const PAGE_SIZE = 50;

export const findCustomersInput = z.object({
  /** Filter: managing indirect reseller (organisation id). */
  reseller: z.string().max(40).optional().catch(undefined),
  /** Search in company name and tenant domain. */
  q: z.string().trim().max(100).optional().catch(undefined),
  /** Keyset cursor: the id of the last customer on the previous page. */
  after: z.string().max(40).optional().catch(undefined),
});
export type FindCustomersInput = z.infer<typeof findCustomersInput>;
