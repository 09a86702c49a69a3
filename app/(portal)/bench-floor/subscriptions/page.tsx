import { ResellerSubscriptionsView } from '@/components/subscriptions/reseller-subscriptions-view';
import { floorPage } from '../floors';
import * as fixed from '../fixed-data';

/** The benchmark floor of the reseller's Subscriptions (see ../floors.tsx). */
export default floorPage((_ctx, search) => (
  <ResellerSubscriptionsView search={search} data={fixed.resellerSubscriptions} />
));
