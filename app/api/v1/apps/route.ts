import { appsApi } from '@/lib/api/apps';
import { apiHandler } from '@/lib/api/handler';

export const GET = apiHandler(appsApi.list);
export const POST = apiHandler(appsApi.create);
