import { principalsOf } from '../../authorization-details';
import { isAdminPolicyArn, subjectOf } from '../../policies';
import { need, type AuditCheck } from '../check';

/** DPP 2.3 Least Privilege Access: no principal holds AdministratorAccess (or IAMFullAccess). */
export const adminPolicyAttached: AuditCheck = {
  id: 'DPP-AUDIT-2.3-AdminPolicyAttached',
  clause: '2.3',
  description: 'No user, group or role has AdministratorAccess or IAMFullAccess attached',
  run: ({ snapshot }) =>
    principalsOf(need(snapshot.authorization)).flatMap(({ kind, principal }) =>
      principal.attached
        .filter((p) => isAdminPolicyArn(p.arn))
        .map((p) => ({
          level: 'error' as const,
          subject: subjectOf(kind, principal.name),
          message: `The ${kind} has the AWS managed policy ${p.name} attached, which grants ${p.name === 'IAMFullAccess' ? 'full control of IAM (and so of the account)' : 'every action on every resource'}.`,
          fix: 'Replace it with a policy limited to the actions and resources the principal needs; keep emergency admin access in a separate, monitored break-glass role.',
        })),
    ),
};
