import { need, type AuditCheck } from '../check';

/** DPP 2.4: passwords expire after at most this many days. */
export const MAX_PASSWORD_AGE_DAYS = 365;

/** DPP 2.4 Credential Management: passwords expire within 365 days. */
export const passwordExpiry: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordExpiry',
  clause: '2.4',
  description: `Passwords expire after at most ${MAX_PASSWORD_AGE_DAYS} days`,
  run: ({ snapshot }) => {
    const policy = need(snapshot.passwordPolicy);
    if (!policy) return [];
    const maxAge = policy.MaxPasswordAge ?? 0;
    if (maxAge > 0 && maxAge <= MAX_PASSWORD_AGE_DAYS) return [];
    return [{
      level: 'error',
      subject: 'account',
      message: maxAge > 0
        ? `Passwords expire after ${maxAge} days; DPP 2.4 requires expiry within ${MAX_PASSWORD_AGE_DAYS} days.`
        : `Passwords never expire; DPP 2.4 requires expiry within ${MAX_PASSWORD_AGE_DAYS} days.`,
      fix: `Set the password policy's maximum password age to ${MAX_PASSWORD_AGE_DAYS} days or fewer.`,
    }];
  },
};
