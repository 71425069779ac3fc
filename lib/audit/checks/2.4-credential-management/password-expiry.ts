import { need, policyOfRun, type AuditCheck } from '../check';

/** DPP 2.4 Credential Management: passwords expire within the profile's maximum age. */
export const passwordExpiry: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordExpiry',
  clause: '2.4',
  description: 'Passwords expire within the profile\'s maximum password age',
  run: ({ snapshot, settings }) => {
    const { name, values: { passwordMaxAgeDays: max } } = policyOfRun(settings);
    const policy = need(snapshot.passwordPolicy);
    if (!policy) return [];
    const maxAge = policy.MaxPasswordAge ?? 0;
    if (maxAge > 0 && maxAge <= max) return [];
    return [{
      level: 'error',
      subject: 'account',
      message: maxAge > 0
        ? `Passwords expire after ${maxAge} days; DPP 2.4 requires expiry within ${max} days (profile ${name}).`
        : `Passwords never expire; DPP 2.4 requires expiry within ${max} days (profile ${name}).`,
      fix: `Set the password policy's maximum password age to ${max} days or fewer.`,
    }];
  },
};
