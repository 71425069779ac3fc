import { consoleAccess, groupsOfUser } from '../../lookups/iam-identity';
import { groupEnforcesMfa } from '../../lookups/mfa-policy';
import { fail, resourceRule, unresolvable } from '../../types';

export const ConsoleUserMfaGroup = resourceRule({
  id: 'DPP-2.2-ConsoleUserMfaGroup',
  clause: '2.2',
  level: 'error',
  resourceTypes: ['AWS::IAM::User'],
  description: 'IAM users with console access (a LoginProfile) are in a group that enforces MFA',
  fix: 'Add the user to a group that attaches the MFA-enforcement policy (MfaEnforcement construct), through Groups or AWS::IAM::UserToGroupAddition',
  explanation: 'DPP 2.2 Access Management requires controlled, individually accountable access to Information, and DPP 2.4 Credential Management requires MFA for all user accounts; a console password without MFA is one stolen credential away from access.',
  check: (ctx) => {
    const console = consoleAccess(ctx.index, ctx.logicalId);
    if (console === 'no') return undefined;
    const groups = groupsOfUser(ctx.index, ctx.logicalId);
    let doubt = groups.unknown;
    for (const group of groups.ids) {
      const decision = groupEnforcesMfa(ctx.index, group);
      if (decision.answer === 'yes') return undefined;
      if (decision.answer === 'unknown') doubt ??= `group ${group}: ${decision.why}`;
    }
    if (typeof console === 'object') return unresolvable('LoginProfile', console.unknown);
    if (doubt !== undefined) return unresolvable('Groups', doubt);
    return fail(groups.ids.length === 0
      ? 'the user has a console password (LoginProfile) and is in no group of this template that enforces MFA'
      : `the user has a console password (LoginProfile) and none of its groups (${groups.ids.join(', ')}) enforces MFA`, 'LoginProfile');
  },
});
