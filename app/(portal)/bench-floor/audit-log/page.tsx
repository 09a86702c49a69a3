import { AuditLogView } from '@/components/reports/audit-log-view';
import { floorPage } from '../floors';
import * as fixed from '../fixed-data';

/** The benchmark floor of the Audit log (see ../floors.tsx). */
export default floorPage((ctx, search) => <AuditLogView ctx={ctx} search={search} data={fixed.auditLog} />);
