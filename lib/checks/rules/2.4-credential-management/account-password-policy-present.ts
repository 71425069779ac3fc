import { requireInEachEnvironment } from '../../lookups/environment-presence';
import { appRule } from '../../types';
import { ACCOUNT_PASSWORD_POLICY_TYPE } from './account-password-policy';

export const AccountPasswordPolicyPresent = appRule({
  id: 'DPP-2.4-AccountPasswordPolicyPresent',
  clause: '2.4',
  // A warning: the account's password policy may be set outside the template (an organization
  // baseline, or by hand); CONTROLS.md asserts the numbers only where the resource is present.
  level: 'warning',
  description: 'Each baseline environment sets the IAM account password policy (a Custom::AccountPasswordPolicy resource)',
  fix: 'Add the baseline\'s AccountPasswordPolicy construct to the environment, or acknowledge this finding naming where the policy is set and checked (e.g. `dpp audit`)',
  explanation: 'DPP 2.4 Credential Management requires minimum password requirements for everyone with access to Information; without the resource, nothing in the template shows the account has them.',
  environmentControl: true,
  // Presence and Condition only.
  reads: { [ACCOUNT_PASSWORD_POLICY_TYPE]: [] },
  check: (indexes) => requireInEachEnvironment(indexes, ACCOUNT_PASSWORD_POLICY_TYPE, 'IAM account password policy resource'),
});
