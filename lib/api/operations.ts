import 'server-only';
import { appsApi } from './apps';
import { catalogApi } from './catalog';
import { customersApi } from './customers';
import type { ApiOperation } from './operation';
import { partnershipsApi } from './partnerships';
import { relationshipsApi } from './relationships';
import { reportsApi } from './reports';
import { subscriptionsApi } from './subscriptions';
import { webhooksApi } from './webhooks';

/** Every operation of the Partner API, in the order the document lists them. */
export const OPERATIONS: ApiOperation[] = [
  ...Object.values(customersApi),
  ...Object.values(subscriptionsApi),
  ...Object.values(partnershipsApi),
  ...Object.values(relationshipsApi),
  ...Object.values(reportsApi),
  ...Object.values(catalogApi),
  ...Object.values(appsApi),
  ...Object.values(webhooksApi),
] as ApiOperation[];
