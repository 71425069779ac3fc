import { textOf } from '../../lookups/intrinsic-text';
import { fail, resourceRule, unresolvable, type Verdict } from '../../types';

/** The AWS managed policies that hand over the whole account or its identities. */
const ADMIN_POLICY = /:policy\/(?:[\w+=,.@-]+\/)*(AdministratorAccess|IAMFullAccess)$/;

/** Where each type attaches managed policies. */
const ATTACHMENT_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'ManagedPolicyArns',
  'AWS::IAM::User': 'ManagedPolicyArns',
  'AWS::IAM::Group': 'ManagedPolicyArns',
  'AWS::SSO::PermissionSet': 'ManagedPolicies',
};

export const NoAdminManagedPolicy = resourceRule({
  id: 'DPP-2.3-NoAdminManagedPolicy',
  clause: '2.3',
  level: 'error',
  resourceTypes: Object.keys(ATTACHMENT_PROPERTY),
  description: 'No role, user, group or permission set attaches the AdministratorAccess or IAMFullAccess managed policy',
  fix: 'Replace the administrator managed policy with a policy granting only the actions and resources needed',
  explanation: 'DPP 2.3 Least Privilege Access requires least privilege and need-to-know access; AdministratorAccess grants everything, and IAMFullAccess lets the holder grant itself everything.',
  check: (ctx) => {
    const property = ATTACHMENT_PROPERTY[ctx.type];
    const arns = ctx.prop(property);
    if (arns.kind === 'unresolvable') return unresolvable(property, arns.why);
    if (arns.kind !== 'known' || !Array.isArray(arns.value)) return undefined;
    return arns.value.flatMap((raw, i): Verdict[] => {
      const text = textOf(ctx.index, raw);
      if (!text.known) return [unresolvable(`${property}.${i}`, text.why)];
      const match = ADMIN_POLICY.exec(text.text);
      return match ? [fail(`${property} attaches the ${match[1]} managed policy`, `${property}.${i}`)] : [];
    });
  },
});
