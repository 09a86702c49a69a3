import { appsApi } from '@/lib/api/apps';
import { apiHandler } from '@/lib/api/handler';

export const POST = apiHandler(appsApi.rotate);
