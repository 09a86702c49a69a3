'use server';
import { updateCustomerDetailsInput } from '@/lib/customers/schemas';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { defineAction } from '@/lib/pipeline/define-action';

/** R3: account info, each error next to its field; a form read before another save is refused. */
export const updateCustomerDetailsAction = defineAction({
  permission: 'customers.write',
  input: updateCustomerDetailsInput,
  run: updateCustomerDetails,
});
