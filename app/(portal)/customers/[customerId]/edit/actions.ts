'use server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import type { UpdateCustomerDetailsInput } from '@/lib/customers/schemas';

// The domain function validates every field and keys its errors by field.
export const updateCustomerDetailsAction = defineAction({
  permission: 'customers.write',
  input: z.record(z.string(), z.string()),
  run: (ctx, input) => updateCustomerDetails(ctx, input as unknown as UpdateCustomerDetailsInput),
});
