import { need, policyOfRun, type AuditCheck } from '../check';

/** DPP 2.4 Credential Management: the minimum password length of the profile (the template rule's number). */
export const passwordLength: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordLength',
  clause: '2.4',
  description: 'The password policy requires at least the profile\'s minimum length',
  run: ({ snapshot, settings }) => {
    const { name, values: { passwordMinLength: min } } = policyOfRun(settings);
    const policy = need(snapshot.passwordPolicy);
    const length = policy?.MinimumPasswordLength ?? 0;
    if (!policy || length >= min) return [];
    return [{
      level: 'error',
      subject: 'account',
      message: `The password policy accepts passwords of ${length} characters; DPP 2.4 requires at least ${min} (profile ${name}).`,
      fix: `Set the password policy's minimum length to ${min} or more (\`aws iam update-account-password-policy --minimum-password-length ${min} …\`, repeating the other settings).`,
    }];
  },
};
