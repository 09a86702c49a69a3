import { apiHandler } from '@/lib/api/handler';
import { partnershipsApi } from '@/lib/api/partnerships';

export const GET = apiHandler(partnershipsApi.invitations);
export const POST = apiHandler(partnershipsApi.invite);
