import { catalogApi } from '@/lib/api/catalog';
import { apiHandler } from '@/lib/api/handler';

export const GET = apiHandler(catalogApi.offers);
