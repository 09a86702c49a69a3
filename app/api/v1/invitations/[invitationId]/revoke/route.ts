import { apiHandler } from '@/lib/api/handler';
import { partnershipsApi } from '@/lib/api/partnerships';

export const POST = apiHandler(partnershipsApi.revokeInvitation);
