import { apiHandler } from '@/lib/api/handler';
import { partnershipsApi } from '@/lib/api/partnerships';

export const GET = apiHandler(partnershipsApi.providers);
