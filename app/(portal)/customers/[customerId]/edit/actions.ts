'use server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { updateCustomerDetails, type UpdateCustomerDetailsInput } from '@/lib/customers/update-customer-details';

// The domain function validates every field and keys its errors by field.
export const updateCustomerDetailsAction = defineAction({
  permission: 'customers.write',
  input: z.record(z.string(), z.string()),
  run: (ctx, input) => updateCustomerDetails(ctx, input as unknown as UpdateCustomerDetailsInput),
});
