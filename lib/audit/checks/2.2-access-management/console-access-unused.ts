import { daysSince, day, type AuditCheck, type CheckResult } from '../check';
import { reportUsers } from '../users';

const FIX = 'Delete the user\'s console password (login profile) if they no longer need it, or record the need in the quarterly access review.';

/** DPP 2.2 Access Management: console access that nobody uses is removed (access review, 24-hour removal). */
export const consoleAccessUnused: AuditCheck = {
  id: 'DPP-AUDIT-2.2-ConsoleAccessUnused',
  clause: '2.2',
  description: 'No console password is unused for more than --inactive-days (default: the profile\'s inactiveDays)',
  run: ({ snapshot, settings }) =>
    reportUsers(snapshot).flatMap((row): CheckResult[] => {
      if (row.passwordEnabled !== true) return [];
      const subject = `user/${row.user}`;
      const limit = `limit ${settings.inactiveDays}`;
      const used = row.passwordLastUsed;
      if (used instanceof Date) {
        const age = daysSince(used, settings.now);
        return age > settings.inactiveDays
          ? [{ level: 'error', subject, message: `The console password was last used ${day(used)}, ${age} days ago (${limit}).`, fix: FIX }]
          : [];
      }
      // Never used (or used only before IAM tracked sign-ins): stale once the password is older than the limit.
      const since = row.passwordLastChanged ?? row.created;
      if (!since || daysSince(since, settings.now) <= settings.inactiveDays) return [];
      const what = used === 'never' ? 'has never been used' : 'has no recorded use';
      return [{ level: 'error', subject, message: `The console password ${what} since ${day(since)}, ${daysSince(since, settings.now)} days ago (${limit}).`, fix: FIX }];
    }),
};
