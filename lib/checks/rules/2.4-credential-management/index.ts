import type { Rule } from '../../types';
import { AccountPasswordPolicy } from './account-password-policy';
import { AccountPasswordPolicyPresent } from './account-password-policy-present';
import { CognitoMfaRequired } from './cognito-mfa-required';
import { CognitoPasswordPolicy } from './cognito-password-policy';
import { ConsoleGroupMfa } from './console-group-mfa';
import { SecretCustomerKey } from './secret-customer-key';

/** The rules of DPP 2.4 Credential Management. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [AccountPasswordPolicy, AccountPasswordPolicyPresent, ConsoleGroupMfa, CognitoPasswordPolicy, CognitoMfaRequired, SecretCustomerKey];
