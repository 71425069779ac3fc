import { groupEnforcesMfa } from '../../lookups/mfa-policy';
import { fail, resourceRule, unresolvable } from '../../types';

export const ConsoleGroupMfa = resourceRule({
  id: 'DPP-2.4-ConsoleGroupMfa',
  clause: '2.4',
  level: 'error',
  resourceTypes: ['AWS::IAM::Group'],
  description: 'Every IAM group (a human group: people are added outside the template) attaches a policy that denies access without MFA',
  fix: 'Attach the MFA-enforcement managed policy (MfaEnforcement construct) to the group',
  explanation: 'DPP 2.4 Credential Management requires Multi-Factor Authentication for all user accounts; the group policy denies everything but MFA self-service until the user signs in with MFA.',
  check: (ctx) => {
    // CONTROLS.md 2.4 "Human groups": members are added by the identity process, outside the
    // template, so whether a user appears here does not matter.
    const mfa = groupEnforcesMfa(ctx.index, ctx.logicalId);
    if (mfa.answer === 'yes') return undefined;
    if (mfa.answer === 'unknown') return unresolvable('ManagedPolicyArns', mfa.why);
    return fail('the group attaches no policy whose deny depends on aws:MultiFactorAuthPresent (a deny of everything on every resource without MFA)', 'ManagedPolicyArns');
  },
});
