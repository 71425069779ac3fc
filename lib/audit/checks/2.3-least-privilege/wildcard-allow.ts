import { principalsOf } from '../../authorization-details';
import { allowsEverything, subjectOf } from '../../policies';
import { need, type AuditCheck, type CheckResult } from '../check';

const FIX = 'Replace the `"Action": "*"` / `"Resource": "*"` statement with the actions and resources the principal needs.';

/**
 * DPP 2.3 Least Privilege Access: no principal is allowed `*:*` by an inline or customer-managed policy. A
 * customer-managed `*:*` policy attached to nothing is reported as a warning, since attaching it later is one call.
 */
export const wildcardAllow: AuditCheck = {
  id: 'DPP-AUDIT-2.3-WildcardAllow',
  clause: '2.3',
  description: 'No inline or customer-managed policy allows "*" on "*"',
  run: ({ snapshot }) => {
    const details = need(snapshot.authorization);
    const everything = new Map(details.policies.filter((p) => allowsEverything(p.document)).map((p) => [p.arn, p]));
    const onPrincipals = principalsOf(details).flatMap(({ kind, principal }): CheckResult[] => [
      ...principal.inline
        .filter((p) => allowsEverything(p.document))
        .map((p) => ({ level: 'error' as const, subject: subjectOf(kind, principal.name), message: `The inline policy "${p.name}" allows every action on every resource.`, fix: FIX })),
      ...principal.attached
        .filter((p) => everything.has(p.arn))
        .map((p) => ({ level: 'error' as const, subject: subjectOf(kind, principal.name), message: `The customer-managed policy "${p.name}" attached to this ${kind} allows every action on every resource.`, fix: FIX })),
    ]);
    const unattached = [...everything.values()]
      .filter((p) => p.attachmentCount === 0)
      .map((p): CheckResult => ({ level: 'warning', subject: subjectOf('policy', p.name), message: 'The customer-managed policy allows every action on every resource; it is attached to nothing yet.', fix: 'Delete the policy, or scope it before anyone attaches it.' }));
    return [...onPrincipals, ...unattached];
  },
};
