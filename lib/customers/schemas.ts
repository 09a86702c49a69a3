import { z } from 'zod';
import { searchText } from '@/lib/validation/text';

export const PAGE_SIZE = 50;

export const findCustomersInput = z.object({
  /** Filter: managing indirect reseller (organisation id). */
  reseller: searchText(40),
  /** Search in company name and tenant domain. */
  q: searchText(100),
  /** Keyset cursor: the id of the last customer on the previous page. */
  after: searchText(40),
});
export type FindCustomersInput = z.infer<typeof findCustomersInput>;
