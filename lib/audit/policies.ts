import { statementsOf } from '../checks/lookups/policy-document';

/** AWS managed policies that hand out full control (DPP 2.3 Least Privilege Access; the template rules forbid the same). */
export const ADMIN_POLICY_NAMES: readonly string[] = ['AdministratorAccess', 'IAMFullAccess'];

/** True for the ARN of an AWS managed admin policy, in any partition. */
export function isAdminPolicyArn(arn: string): boolean {
  const match = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn);
  return match !== null && ADMIN_POLICY_NAMES.includes(match[1]!);
}

/** True when a policy document has an `Allow` of every action (`*` or `*:*`) on every resource (`*`). */
export function allowsEverything(document: unknown): boolean {
  return statementsOf(document).statements.some(
    (s) => s.effect === 'Allow' && !s.notAction && !s.notResource && s.actions.some((a) => a === '*' || a === '*:*') && s.resources.includes('*'),
  );
}

/** A principal's `role/name`-style subject. */
export function subjectOf(kind: 'user' | 'group' | 'role' | 'policy', name: string): string {
  return `${kind}/${name}`;
}
