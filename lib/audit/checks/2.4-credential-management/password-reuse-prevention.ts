import { need, type AuditCheck } from '../check';

/**
 * DPP 2.4 Credential Management: expiry is only meaningful when the old password cannot be set again. The policy text
 * does not name reuse prevention, so this is a warning.
 */
export const passwordReusePrevention: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordReusePrevention',
  clause: '2.4',
  description: 'The password policy prevents reuse of previous passwords',
  run: ({ snapshot }) => {
    const policy = need(snapshot.passwordPolicy);
    if (!policy || (policy.PasswordReusePrevention ?? 0) > 0) return [];
    return [{
      level: 'warning',
      subject: 'account',
      message: 'The password policy does not prevent password reuse, so an expired password can simply be set again.',
      fix: 'Set the password policy\'s reuse prevention (e.g. the last 24 passwords).',
    }];
  },
};
