import { isGenericUserName } from '../../lookups/generic-names';
import { fail, resourceRule, unresolvable } from '../../types';

export { isGenericUserName };

/** CDK appends an 8-character hash to logical IDs; it is not part of the name a person chose. */
function withoutCdkHash(logicalId: string): string {
  return logicalId.replace(/[0-9A-F]{8}$/, '');
}

export const IamUserNotGeneric = resourceRule({
  id: 'DPP-2.2-IamUserNotGeneric',
  clause: '2.2',
  level: 'error',
  resourceTypes: ['AWS::IAM::User'],
  description: 'IAM users are named for one person, not generic, shared or default accounts (admin, root, test, shared, generic, default, user, service and numbered variants)',
  fix: 'Name each IAM user after the one person who uses it (or use a role for services and federated identities for people)',
  explanation: 'DPP 2.2 Access Management requires a unique ID for each person with access and forbids generic, shared or default accounts.',
  check: (ctx) => {
    const name = ctx.prop('UserName');
    if (name.kind === 'unresolvable') return unresolvable('UserName', name.why);
    if (name.kind === 'known') return isGenericUserName(String(name.value)) ? fail(`IAM user name "${String(name.value)}" is generic or shared`, 'UserName') : undefined;
    // Without UserName, CloudFormation derives the name from the logical ID.
    const derived = withoutCdkHash(ctx.logicalId);
    return isGenericUserName(derived) ? fail(`the IAM user has no UserName, and the name CloudFormation derives from logical ID "${ctx.logicalId}" is generic`, 'UserName') : undefined;
  },
});
