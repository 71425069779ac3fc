import { need, type AuditCheck } from '../check';

/** DPP 2.4 Credential Management: MFA for every account, the root user first. */
export const rootMfa: AuditCheck = {
  id: 'DPP-AUDIT-2.4-RootMfa',
  clause: '2.4',
  description: 'The root user has an MFA device',
  run: ({ snapshot }) =>
    need(snapshot.accountSummary).AccountMFAEnabled === 1
      ? []
      : [{
          level: 'error',
          subject: 'account',
          message: 'The root user has no MFA device.',
          fix: 'Sign in as the root user and assign an MFA device (a hardware key for preference); keep its recovery with the break-glass procedure.',
        }],
};
