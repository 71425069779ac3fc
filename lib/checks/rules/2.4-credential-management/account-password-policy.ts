import { requireNumberInRange, requireTrue } from '../../assert';
import { resourceRule, type Verdict } from '../../types';

/** The custom resource that sets the account password policy (properties named as in IAM UpdateAccountPasswordPolicy). */
export const ACCOUNT_PASSWORD_POLICY_TYPE = 'Custom::AccountPasswordPolicy';

const CHARACTER_CLASSES = ['RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'RequireNumbers', 'RequireSymbols'] as const;

export const AccountPasswordPolicy = resourceRule({
  id: 'DPP-2.4-AccountPasswordPolicy',
  clause: '2.4',
  level: 'error',
  resourceTypes: [ACCOUNT_PASSWORD_POLICY_TYPE],
  description: 'The account password policy requires at least 12 characters, upper- and lower-case letters, numbers and symbols, expiry within 1 to 365 days, and reuse prevention',
  fix: 'Set MinimumPasswordLength >= 12, the four Require* properties to true, MaxPasswordAge between 1 and 365 and PasswordReusePrevention >= 1 on the AccountPasswordPolicy construct',
  explanation: 'DPP 2.4 Credential Management requires passwords of at least twelve characters mixing upper-case, lower-case, numbers and special characters, and a maximum password age of 365 days. IAM cannot enforce its minimum age of 1 day nor "no part of the user name": those stay with the identity provider.',
  check: (ctx) => [
    requireNumberInRange(ctx, 'MinimumPasswordLength', { min: 12, absent: 'fail' }, (n) => `the minimum password length is ${n ?? 'not set (IAM default 8)'}, below 12`),
    ...CHARACTER_CLASSES.map((flag) => requireTrue(ctx, flag, `${flag} is not true`)),
    requireNumberInRange(ctx, 'MaxPasswordAge', { min: 1, max: 365, absent: 'fail' }, (n) => n === undefined ? 'passwords never expire (MaxPasswordAge is not set)' : `MaxPasswordAge is ${n}, outside 1 to 365 days`),
    requireNumberInRange(ctx, 'PasswordReusePrevention', { min: 1, max: 24, absent: 'fail' }, (n) => n === undefined ? 'password reuse is not prevented (PasswordReusePrevention is not set)' : `PasswordReusePrevention is ${n}, outside 1 to 24`),
  ].filter((v): v is Verdict => v !== undefined),
});
