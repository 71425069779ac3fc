import { credentialSource, credentialVerdict } from '../../lookups/secrets';
import { rawAt } from '../../lookups/template-string';
import { resourceRule, unresolvable } from '../../types';

const PASSWORD = 'LoginProfile.Password';

export const NoHardcodedLoginPassword = resourceRule({
  id: 'DPP-3.5-NoHardcodedLoginPassword',
  clause: '3.5',
  level: 'error',
  critical: 'always',
  resourceTypes: ['AWS::IAM::User'],
  description: 'IAM user console passwords are not written in the template',
  fix: 'Take LoginProfile.Password from a {{resolve:secretsmanager:…}} reference (with PasswordResetRequired: true), or create the login profile outside the template',
  explanation: 'DPP 3.5 Secure Coding Practices forbids hardcoded credentials: a template is code, kept in repositories and readable by anyone who can describe the stack.',
  check: (ctx) => {
    const raw = rawAt(ctx, PASSWORD);
    if ('unresolvable' in raw) return unresolvable(PASSWORD, raw.unresolvable);
    return credentialVerdict(credentialSource(ctx.index, raw.value), PASSWORD);
  },
});
