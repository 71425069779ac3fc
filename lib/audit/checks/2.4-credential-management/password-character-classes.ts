import type { PasswordPolicy } from '@aws-sdk/client-iam';
import { need, type AuditCheck } from '../check';

const CLASSES: readonly [keyof PasswordPolicy, string][] = [
  ['RequireUppercaseCharacters', 'upper-case letters'],
  ['RequireLowercaseCharacters', 'lower-case letters'],
  ['RequireNumbers', 'numbers'],
  ['RequireSymbols', 'symbols'],
];

/** DPP 2.4 Credential Management: passwords mix upper-case, lower-case, numbers and symbols. */
export const passwordCharacterClasses: AuditCheck = {
  id: 'DPP-AUDIT-2.4-PasswordCharacterClasses',
  clause: '2.4',
  description: 'The password policy requires upper-case letters, lower-case letters, numbers and symbols',
  run: ({ snapshot }) => {
    const policy = need(snapshot.passwordPolicy);
    if (!policy) return [];
    const missing = CLASSES.filter(([flag]) => policy[flag] !== true).map(([, label]) => label);
    if (missing.length === 0) return [];
    return [{
      level: 'error',
      subject: 'account',
      message: `The password policy does not require ${missing.join(', ')}; DPP 2.4 requires all four character classes.`,
      fix: 'Require upper-case letters, lower-case letters, numbers and symbols in the account password policy.',
    }];
  },
};
