import { customersApi } from '@/lib/api/customers';
import { apiHandler } from '@/lib/api/handler';

export const GET = apiHandler(customersApi.get);
export const PATCH = apiHandler(customersApi.update);
