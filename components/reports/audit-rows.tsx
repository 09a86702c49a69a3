'use client';
import { StatusBadge } from '@/components/ui/page-header';
import { fillIn } from '@/components/ui/row-labels';

/** One event as the audit log shows it: its own words; the labels come once per page (`AuditLabels`). */
export type AuditRow = {
  id: string;
  when: string;
  actor: string;
  actorOrg: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  change: string;
};

/** The words the rows share, in the user's language: each action, target type and outcome shown once. */
export type AuditLabels = {
  actions: Record<string, string>;
  targetTypes: Record<string, string>;
  outcomes: Record<string, string>;
  /** "Every event of {target}", with "{target}" standing for the target. */
  targetHistory: string;
};

/**
 * The log's rows, rendered from their data: a client component so the page's
 * React payload carries each row's data once instead of its markup (the server
 * renders the HTML as before). Links are plain anchors: no router work per
 * row; a click loads the page.
 */
export function AuditRows({ rows, labels }: { rows: AuditRow[]; labels: AuditLabels }) {
  return rows.map((e) => {
    const action = labels.actions[e.action] ?? e.action;
    const targetType = labels.targetTypes[e.targetType] ?? e.targetType;
    return (
      <tr key={e.id}>
        <td className="whitespace-nowrap">{e.when}</td>
        <td>
          <span className="font-medium">{e.actor}</span>
          {e.actorOrg ? <span className="sub">{e.actorOrg}</span> : null}
        </td>
        <td>
          {action}
          {action !== e.action ? <span className="sub">{e.action}</span> : null}
        </td>
        <td>
          {targetType}
          {e.targetId ? (
            <a
              href={`/audit-log?${new URLSearchParams({ targetType: e.targetType, targetId: e.targetId })}`}
              className="idl"
              aria-label={fillIn(labels.targetHistory, { target: `${targetType} ${e.targetId}` })}
            >
              {e.targetId}
            </a>
          ) : null}
        </td>
        <td>
          <StatusBadge>{labels.outcomes[e.outcome] ?? e.outcome}</StatusBadge>
        </td>
        <td className="max-w-md text-xs break-words">{e.change}</td>
      </tr>
    );
  });
}
