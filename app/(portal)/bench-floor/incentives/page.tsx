import { IncentivesView } from '@/components/reports/incentives-view';
import { floorPage } from '../floors';
import * as fixed from '../fixed-data';

/** The benchmark floor of Incentives (see ../floors.tsx). */
export default floorPage((_ctx, search) => <IncentivesView search={search} report={fixed.incentives} />);
