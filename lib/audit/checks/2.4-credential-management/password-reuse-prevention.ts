import { AWS_LIMITS } from '../../../policy/aws-limits';
import { need, policyOfRun, type AuditCheck } from '../check';

/**
 * DPP 2.4 Credential Management: expiry is only meaningful when the old password cannot be set
 * again. The profile gives the history and the level, the same as the template rule
 * DPP-2.4-AccountPasswordPolicy (dpp: at least 1, error; dpp-2025: at least 10).
 */
export const passwordReusePrevention: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordReusePrevention',
  clause: '2.4',
  description: 'The password policy prevents reuse of at least the profile\'s number of previous passwords',
  run: ({ snapshot, settings }) => {
    const { name, values: { passwordReusePrevention: min, passwordReuseLevel: level } } = policyOfRun(settings);
    const policy = need(snapshot.passwordPolicy);
    const remembered = policy?.PasswordReusePrevention ?? 0;
    if (!policy || level === 'off' || remembered >= min) return [];
    return [{
      level,
      subject: 'account',
      message: remembered === 0
        ? `The password policy does not prevent password reuse, so an expired password can simply be set again; profile ${name} requires at least ${min} remembered.`
        : `The password policy remembers ${remembered} previous password(s); profile ${name} requires at least ${min}.`,
      fix: `Set the password policy's reuse prevention to between ${min} and ${AWS_LIMITS.iamPasswordReuseMax.value} previous passwords.`,
    }];
  },
};
