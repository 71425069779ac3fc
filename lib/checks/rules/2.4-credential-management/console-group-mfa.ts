import { consoleAccess, usersOfGroup } from '../../lookups/iam-identity';
import { groupEnforcesMfa } from '../../lookups/mfa-policy';
import type { TemplateIndex } from '../../template-index';
import { fail, resourceRule, unresolvable } from '../../types';

/** The group's members with console access, and why membership or access could not be read. */
function consoleMembers(index: TemplateIndex, groupId: string): { users: string[]; doubt?: string } {
  const members = usersOfGroup(index, groupId);
  const users: string[] = [];
  let doubt = members.unknown;
  for (const user of members.ids) {
    const access = consoleAccess(index, user);
    if (access === 'yes') users.push(user);
    else if (access !== 'no') doubt ??= `user ${user}: ${access.unknown}`;
  }
  return { users, doubt };
}

export const ConsoleGroupMfa = resourceRule({
  id: 'DPP-2.4-ConsoleGroupMfa',
  clause: '2.4',
  level: 'error',
  resourceTypes: ['AWS::IAM::Group'],
  description: 'Every IAM group with console users (users with a LoginProfile) attaches a policy that denies access without MFA',
  fix: 'Attach the MFA-enforcement managed policy (MfaEnforcement construct) to the group',
  explanation: 'DPP 2.4 Credential Management requires Multi-Factor Authentication for all user accounts; the group policy denies everything but MFA self-service until the user signs in with MFA.',
  check: (ctx) => {
    const mfa = groupEnforcesMfa(ctx.index, ctx.logicalId);
    if (mfa.answer === 'yes') return undefined;
    const members = consoleMembers(ctx.index, ctx.logicalId);
    if (members.users.length === 0) return members.doubt !== undefined ? unresolvable('group membership', members.doubt) : undefined;
    if (mfa.answer === 'unknown') return unresolvable('ManagedPolicyArns', mfa.why);
    return fail(`the group has console users (${members.users.join(', ')}) and no policy denying access without MFA`, 'ManagedPolicyArns');
  },
});
