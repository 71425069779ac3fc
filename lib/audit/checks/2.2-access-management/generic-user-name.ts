// One heuristic for templates and the live account, so `dpp check` and `dpp audit` never disagree on a name.
import { isGenericUserName } from '../../../checks/lookups/generic-names';
import type { AuditCheck } from '../check';
import { userNames } from '../users';

/** DPP 2.2 Access Management: a unique ID per person; no generic, shared or default accounts. */
export const genericUserName: AuditCheck = {
  id: 'DPP-AUDIT-2.2-GenericUserName',
  clause: '2.2',
  description: 'No IAM user has a generic or shared name (admin, root, test, shared, user, service, numbered variants, …)',
  run: ({ snapshot }) =>
    userNames(snapshot)
      .filter(isGenericUserName)
      .map((name) => ({
        level: 'error' as const,
        subject: `user/${name}`,
        message: `The user name "${name}" looks generic or shared; DPP 2.2 requires a unique ID per person.`,
        fix: 'Give each person their own named user (or federated access) and each workload a role, then delete this user.',
      })),
};
