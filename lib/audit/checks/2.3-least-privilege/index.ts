import type { AuditCheck } from '../check';
import { adminPolicyAttached } from './admin-policy-attached';
import { userDirectPolicies } from './user-direct-policies';
import { wildcardAllow } from './wildcard-allow';

/** DPP 2.3 Least Privilege Access, live account. */
export const checks: readonly AuditCheck[] = [userDirectPolicies, adminPolicyAttached, wildcardAllow];
