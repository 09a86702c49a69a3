import { z } from 'zod';
import { searchText } from '@/lib/validation/text';

export const PAGE_SIZE = 50;
/** Totals above this show as "more than 1,000": counting stops there, so a total never scans a provider's whole customer base. */
export const COUNT_CAP = 1000;

export const findCustomersInput = z.object({
  /** Filter: managing indirect reseller (organisation id, or its MPN ID as typed in the filter field). */
  reseller: searchText(40),
  /** Search anywhere in the company name or the tenant domain. */
  q: searchText(100),
  /** Keyset cursor: the id of the last customer on the previous page. */
  after: searchText(40),
  /** Keyset cursor backwards: the id of the first customer on the next page. */
  before: searchText(40),
  /** "1": the last page (anything else is ignored). */
  last: searchText(1),
});
export type FindCustomersInput = z.infer<typeof findCustomersInput>;
