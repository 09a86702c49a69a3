import { apiHandler } from '@/lib/api/handler';
import { subscriptionsApi } from '@/lib/api/subscriptions';

export const GET = apiHandler(subscriptionsApi.list);
