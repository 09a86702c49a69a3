import { CustomerView } from '@/components/customers/customer-view';
import { floorPage } from '../floors';
import * as fixed from '../fixed-data';

/** The benchmark floor of a customer's subscriptions (see ../floors.tsx). */
export default floorPage((ctx, search) => (
  <CustomerView ctx={ctx} search={search} data={fixed.customer.data} subscriptions={fixed.customer.subscriptions} />
));
