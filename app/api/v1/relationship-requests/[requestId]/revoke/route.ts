import { apiHandler } from '@/lib/api/handler';
import { relationshipsApi } from '@/lib/api/relationships';

export const POST = apiHandler(relationshipsApi.revoke);
