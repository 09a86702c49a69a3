import { Prisma } from '@/lib/generated/prisma/client';
import { Invalid } from '@/lib/errors';

/** Two saves of the same new SKU at once: the second insert hits the unique key and gets the field's message. */
export function skuTakenOr(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
    throw new Invalid({ sku: ['offers.errors.skuTaken'] });
  throw error;
}
