import { IndirectResellersView } from '@/components/partnerships/indirect-resellers-view';
import { floorPage } from '../floors';
import * as fixed from '../fixed-data';

/** The benchmark floor of Indirect resellers (see ../floors.tsx). */
export default floorPage((ctx, search) => (
  <IndirectResellersView ctx={ctx} search={search} data={fixed.indirectResellers} invitations={[]} />
));
