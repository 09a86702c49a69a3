import { customersApi } from '@/lib/api/customers';
import { apiHandler } from '@/lib/api/handler';

export const GET = apiHandler(customersApi.list);
export const POST = apiHandler(customersApi.create);
