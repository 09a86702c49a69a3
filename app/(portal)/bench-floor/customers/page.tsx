import { CustomersView } from '@/components/customers/customers-view';
import { floorPage } from '../floors';
import * as fixed from '../fixed-data';

/** The benchmark floor of the Customers list (see ../floors.tsx). */
export default floorPage((ctx, { expand: _expanded, ...search }) => (
  <CustomersView
    ctx={ctx}
    search={search}
    list={fixed.customers.list}
    filter={search.reseller ? fixed.customers.filteredBy : fixed.customers.filter}
  />
));
