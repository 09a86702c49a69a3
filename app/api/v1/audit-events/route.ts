import { apiHandler } from '@/lib/api/handler';
import { reportsApi } from '@/lib/api/reports';

export const GET = apiHandler(reportsApi.auditEvents);
