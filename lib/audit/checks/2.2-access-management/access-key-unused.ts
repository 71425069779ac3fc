import { daysSince, day, type AuditCheck, type CheckResult } from '../check';
import { reportUsers } from '../users';

const FIX = 'Deactivate and delete access keys nobody uses; issue keys only when a named consumer needs one.';

/**
 * DPP 2.2 Access Management: an active key unused for longer than `--inactive-days` is stale access (error); a key
 * never used yet is reported as a warning until it is that old, then as an error.
 */
export const accessKeyUnused: AuditCheck = {
  id: 'DPP-AUDIT-2.2-AccessKeyUnused',
  clause: '2.2',
  description: 'No active access key is unused for more than --inactive-days (default: the profile\'s inactiveDays) or never used',
  run: ({ snapshot, settings }) =>
    reportUsers(snapshot).flatMap((row) =>
      row.accessKeys.filter((key) => key.active).flatMap((key): CheckResult[] => {
        const subject = `user/${row.user}`;
        if (key.lastUsed instanceof Date) {
          const age = daysSince(key.lastUsed, settings.now);
          return age > settings.inactiveDays
            ? [{ level: 'error', subject, message: `Access key ${key.slot} was last used ${day(key.lastUsed)}, ${age} days ago (limit ${settings.inactiveDays}).`, fix: FIX }]
            : [];
        }
        if (key.lastUsed === 'unknown') return [];
        const created = key.lastRotated ?? row.created;
        const age = created ? daysSince(created, settings.now) : undefined;
        const stale = age !== undefined && age > settings.inactiveDays;
        const since = created ? `, created ${day(created)} (${age} days ago)` : '';
        return [{ level: stale ? 'error' : 'warning', subject, message: `Access key ${key.slot} has never been used${since}.`, fix: FIX }];
      }),
    ),
};
