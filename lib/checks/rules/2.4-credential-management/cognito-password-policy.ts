import { requireNumberInRange, requireTrue } from '../../assert';
import { policyRule } from '../../policy-rule';
import type { Verdict } from '../../types';

const PASSWORD_POLICY = 'Policies.PasswordPolicy';
const CHARACTER_CLASSES = ['RequireUppercase', 'RequireLowercase', 'RequireNumbers', 'RequireSymbols'] as const;

export const CognitoPasswordPolicy = policyRule((policy) => {
  const length = policy.values.passwordMinLength;
  const classes = policy.values.passwordAllCharacterClasses;
  return {
    id: 'DPP-2.4-CognitoPasswordPolicy',
    clause: '2.4',
    level: 'error',
    resourceTypes: ['AWS::Cognito::UserPool'],
    description: `Cognito user pools require passwords of at least ${length} characters${classes ? ' with upper- and lower-case letters, numbers and symbols' : ''}`,
    fix: `Set Policies.PasswordPolicy.MinimumLength >= ${length}${classes ? ' and RequireUppercase, RequireLowercase, RequireNumbers and RequireSymbols to true' : ''}`,
    explanation: `DPP 2.4 Credential Management requires passwords of a minimum length (profile ${policy.name}: ${length} characters) mixing upper-case, lower-case, numbers and special characters.`,
    check: (ctx) => [
      requireNumberInRange(ctx, `${PASSWORD_POLICY}.MinimumLength`, { min: length, absent: 'fail' }, (n) => `the minimum password length is ${n ?? 'not set (Cognito default 8)'}, below ${length}; profile ${policy.name} requires at least ${length}`),
      ...(classes ? CHARACTER_CLASSES.map((flag) => requireTrue(ctx, `${PASSWORD_POLICY}.${flag}`, `${PASSWORD_POLICY}.${flag} is not true`)) : []),
    ].filter((v): v is Verdict => v !== undefined),
  };
});
