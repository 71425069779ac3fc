import { need, type AuditCheck } from '../check';

/** DPP 2.4 requires passwords of at least this many characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** DPP 2.4 Credential Management: minimum password length of 12. */
export const passwordLength: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordLength',
  clause: '2.4',
  description: `The password policy requires at least ${MIN_PASSWORD_LENGTH} characters`,
  run: ({ snapshot }) => {
    const policy = need(snapshot.passwordPolicy);
    const length = policy?.MinimumPasswordLength ?? 0;
    if (!policy || length >= MIN_PASSWORD_LENGTH) return [];
    return [{
      level: 'error',
      subject: 'account',
      message: `The password policy accepts passwords of ${length} characters; DPP 2.4 requires at least ${MIN_PASSWORD_LENGTH}.`,
      fix: `Set the password policy's minimum length to ${MIN_PASSWORD_LENGTH} or more (\`aws iam update-account-password-policy --minimum-password-length ${MIN_PASSWORD_LENGTH} …\`, repeating the other settings).`,
    }];
  },
};
