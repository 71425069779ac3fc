import { AWS_LIMITS } from '../../../policy/aws-limits';
import { need, policyOfRun, type AuditCheck } from '../check';

/** DPP 2.4 Credential Management: the account has a password policy at all. */
export const passwordPolicyPresent: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordPolicyPresent',
  clause: '2.4',
  description: 'The account has an IAM password policy',
  run: ({ snapshot, settings }) => {
    const { values } = policyOfRun(settings);
    return need(snapshot.passwordPolicy)
      ? []
      : [{
          level: 'error',
          subject: 'account',
          message: `The account has no IAM password policy, so console passwords meet only IAM's default rules (no length of ${values.passwordMinLength}, no expiry).`,
          fix: `Deploy the baseline's AccountPasswordPolicy, or run \`aws iam update-account-password-policy --minimum-password-length ${values.passwordMinLength} --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --max-password-age ${values.passwordMaxAgeDays} --password-reuse-prevention ${AWS_LIMITS.iamPasswordReuseMax.value}\`.`,
        }];
  },
};
