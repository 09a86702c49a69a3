import { apiHandler } from '@/lib/api/handler';
import { webhooksApi } from '@/lib/api/webhooks';

export const GET = apiHandler(webhooksApi.list);
export const POST = apiHandler(webhooksApi.create);
