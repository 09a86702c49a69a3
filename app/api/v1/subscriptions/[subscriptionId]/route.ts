import { apiHandler } from '@/lib/api/handler';
import { subscriptionsApi } from '@/lib/api/subscriptions';

export const GET = apiHandler(subscriptionsApi.get);
export const PATCH = apiHandler(subscriptionsApi.update);
