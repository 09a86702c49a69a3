import 'server-only';
import { catalogApi } from './catalog';
import { customersApi } from './customers';
import type { ApiOperation } from './operation';
import { subscriptionsApi } from './subscriptions';

/** Every operation of the Partner API, in the order the document lists them. */
export const OPERATIONS: ApiOperation[] = [
  ...Object.values(customersApi),
  ...Object.values(subscriptionsApi),
  ...Object.values(catalogApi),
] as ApiOperation[];
