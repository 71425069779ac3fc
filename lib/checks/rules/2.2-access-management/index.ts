import type { Rule } from '../../types';
import { CognitoThreatProtection } from './cognito-threat-protection';
import { ConsoleUserMfaGroup } from './console-user-mfa-group';
import { IamUserNotGeneric } from './iam-user-not-generic';

/** The rules of DPP 2.2 Access Management (the template part; the live account is `dpp audit`'s). One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [IamUserNotGeneric, ConsoleUserMfaGroup, CognitoThreatProtection];
