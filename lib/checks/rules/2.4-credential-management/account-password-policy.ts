import { AWS_LIMITS } from '../../../policy/aws-limits';
import { requireNumberInRange, requireTrue } from '../../assert';
import { policyRule } from '../../policy-rule';
import { warn, type Verdict } from '../../types';

/** The custom resource that sets the account password policy (properties named as in IAM UpdateAccountPasswordPolicy). */
export const ACCOUNT_PASSWORD_POLICY_TYPE = 'Custom::AccountPasswordPolicy';

const CHARACTER_CLASSES = ['RequireUppercaseCharacters', 'RequireLowercaseCharacters', 'RequireNumbers', 'RequireSymbols'] as const;
const REUSE_MAX = AWS_LIMITS.iamPasswordReuseMax.value;

export const AccountPasswordPolicy = policyRule((policy) => {
  const { passwordMinLength: length, passwordMaxAgeDays: maxAge, passwordMinAgeDays: minAge, passwordReusePrevention: reuse, passwordReuseLevel: reuseLevel } = policy.values;
  const classes = policy.values.passwordAllCharacterClasses;
  const p = `profile ${policy.name}`;
  return {
    id: 'DPP-2.4-AccountPasswordPolicy',
    clause: '2.4',
    level: 'error',
    resourceTypes: [ACCOUNT_PASSWORD_POLICY_TYPE],
    description: `The account password policy requires at least ${length} characters${classes ? ', upper- and lower-case letters, numbers and symbols' : ''}, expiry within 1 to ${maxAge} days${reuseLevel === 'off' ? '' : `, and reuse prevention of at least ${reuse} passwords`}`,
    fix: `Set MinimumPasswordLength >= ${length}${classes ? ', the four Require* properties to true' : ''}, MaxPasswordAge between 1 and ${maxAge}${reuseLevel === 'off' ? '' : ` and PasswordReusePrevention between ${reuse} and ${REUSE_MAX}`} on the AccountPasswordPolicy construct`,
    explanation: `DPP 2.4 Credential Management requires passwords mixing upper-case, lower-case, numbers and special characters, of a minimum length and with a maximum age (${p}: ${length} characters, ${maxAge} days). IAM cannot enforce its minimum age of ${minAge} day(s) nor "no part of the user name": those stay with the identity provider.`,
    check: (ctx) => {
      const reuseVerdict = reuseLevel === 'off' ? undefined : requireNumberInRange(ctx, 'PasswordReusePrevention', { min: reuse, max: REUSE_MAX, absent: 'fail' }, (n) =>
        n === undefined ? `password reuse is not prevented (PasswordReusePrevention is not set); ${p} requires at least ${reuse}` : `PasswordReusePrevention is ${n}, outside ${reuse} to ${REUSE_MAX}; ${p} requires at least ${reuse}`);
      return [
        requireNumberInRange(ctx, 'MinimumPasswordLength', { min: length, absent: 'fail' }, (n) => `the minimum password length is ${n ?? 'not set (IAM default 8)'}, below ${length}; ${p} requires at least ${length}`),
        ...(classes ? CHARACTER_CLASSES.map((flag) => requireTrue(ctx, flag, `${flag} is not true`)) : []),
        requireNumberInRange(ctx, 'MaxPasswordAge', { min: 1, max: maxAge, absent: 'fail' }, (n) => n === undefined ? 'passwords never expire (MaxPasswordAge is not set)' : `MaxPasswordAge is ${n}, outside 1 to ${maxAge} days; ${p} requires expiry within ${maxAge}`),
        reuseVerdict && reuseVerdict.outcome === 'fail' && reuseLevel === 'warning' ? warn(reuseVerdict.problem, reuseVerdict.property) : reuseVerdict,
      ].filter((v): v is Verdict => v !== undefined);
    },
  };
});
