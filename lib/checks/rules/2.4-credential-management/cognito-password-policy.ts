import { requireNumberInRange, requireTrue } from '../../assert';
import { resourceRule, type Verdict } from '../../types';

const PASSWORD_POLICY = 'Policies.PasswordPolicy';
const CHARACTER_CLASSES = ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'] as const;

export const CognitoPasswordPolicy = resourceRule({
  id: 'DPP-2.4-CognitoPasswordPolicy',
  clause: '2.4',
  level: 'error',
  resourceTypes: ['AWS::Cognito::UserPool'],
  description: 'Cognito user pools require passwords of at least 12 characters with upper- and lower-case letters, numbers and symbols',
  fix: 'Set Policies.PasswordPolicy.MinimumLength >= 12 and RequireUppercase, RequireLowercase, RequireNumbers and RequireSymbols to true',
  explanation: 'DPP 2.4 Credential Management requires passwords of at least twelve characters mixing upper-case, lower-case, numbers and special characters.',
  check: (ctx) => [
    requireNumberInRange(ctx, `${PASSWORD_POLICY}.MinimumLength`, { min: 12, absent: 'fail' }, (n) => `the minimum password length is ${n ?? 'not set (Cognito default 8)'}, below 12`),
    ...CHARACTER_CLASSES.map((flag) => requireTrue(ctx, `${PASSWORD_POLICY}.${flag}`, `${PASSWORD_POLICY}.${flag} is not true`)),
  ].filter((v): v is Verdict => v !== undefined),
});
