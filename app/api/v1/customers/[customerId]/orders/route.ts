import { customersApi } from '@/lib/api/customers';
import { apiHandler } from '@/lib/api/handler';

export const POST = apiHandler(customersApi.addSubscriptions);
