import { DPP } from '../../policy/profile';
import type { NotChecked } from '../types';

/**
 * What DPP 2.4 Credential Management asks that IAM cannot enforce. The audit lists these under notChecked with a
 * `procedural:` reason, never as passes.
 */
export const PROCEDURAL_ITEMS: readonly NotChecked[] = [
  {
    check: 'DPP-AUDIT-2.4-PasswordMinimumAge',
    reason: `procedural: IAM password policies have no minimum password age; enforce the minimum of ${DPP.values.passwordMinAgeDays} day(s) in the identity provider`,
  },
  {
    check: 'DPP-AUDIT-2.4-PasswordExcludesUserName',
    reason: 'procedural: IAM cannot reject passwords that contain part of the user name; enforce it in the identity provider',
  },
];
