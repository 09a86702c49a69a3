import { apiHandler } from '@/lib/api/handler';
import { webhooksApi } from '@/lib/api/webhooks';

export const POST = apiHandler(webhooksApi.resend);
