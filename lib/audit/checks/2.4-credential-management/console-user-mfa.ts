import { type AuditCheck } from '../check';
import { reportUsers } from '../users';

/** DPP 2.4 Credential Management: every user who can sign in to the console has MFA. */
export const consoleUserMfa: AuditCheck = {
  id: 'DPP-AUDIT-2.4-ConsoleUserMfa',
  clause: '2.4',
  description: 'Every user with a console password has an MFA device',
  run: ({ snapshot }) =>
    reportUsers(snapshot)
      .filter((row) => row.passwordEnabled === true && !row.mfaActive)
      .map((row) => ({
        level: 'error' as const,
        subject: `user/${row.user}`,
        message: 'The user has a console password and no MFA device.',
        fix: 'Have the user register an MFA device, and attach the baseline\'s MFA-enforcement policy to their group so nothing works without MFA.',
      })),
};
