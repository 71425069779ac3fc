import type { PasswordPolicy } from '@aws-sdk/client-iam';
import type { AuthorizationDetails, GroupDetails, ManagedPolicyDetails, RoleDetails, UserDetails } from '../../lib/audit/authorization-details';
import type { IamSnapshot, Source } from '../../lib/audit/collect';
import type { CredentialReportRow } from '../../lib/audit/credential-report';
import type { AuditSettings } from '../../lib/audit/types';
import { NOW } from './accounts';

/** In-memory IAM data for the pure check tests (the fake server covers the wire). */
export const available = <T>(value: T): Source<T> => ({ ok: true, value });
export const denied = (action: string): Source<never> => ({ ok: false, reason: `missing permission iam:${action}` });

export const SETTINGS: AuditSettings = { inactiveDays: 90, keyMaxAgeDays: 90, now: NOW };

export const STRONG_POLICY: PasswordPolicy = {
  MinimumPasswordLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
  ExpirePasswords: true, MaxPasswordAge: 365, PasswordReusePrevention: 5,
};

export function row(user: string, fields: Partial<CredentialReportRow> = {}): CredentialReportRow {
  return {
    user, arn: `arn:aws:iam::123456789012:user/${user}`, created: undefined, passwordEnabled: false, passwordLastUsed: 'never', passwordLastChanged: undefined,
    mfaActive: false, accessKeys: [{ slot: 1, active: false, lastRotated: undefined, lastUsed: 'never' }, { slot: 2, active: false, lastRotated: undefined, lastUsed: 'never' }],
    ...fields,
  };
}

export function user(name: string, fields: Partial<UserDetails> = {}): UserDetails {
  return { name, arn: `arn:aws:iam::123456789012:user/${name}`, path: '/', created: undefined, attached: [], inline: [], groups: [], ...fields };
}

export function group(name: string, fields: Partial<GroupDetails> = {}): GroupDetails {
  return { name, arn: `arn:aws:iam::123456789012:group/${name}`, path: '/', created: undefined, attached: [], inline: [], ...fields };
}

export function role(name: string, fields: Partial<RoleDetails> = {}): RoleDetails {
  return { name, arn: `arn:aws:iam::123456789012:role/${name}`, path: '/', created: undefined, attached: [], inline: [], trustPolicy: undefined, lastUsed: undefined, ...fields };
}

export function policy(name: string, document: unknown, attachmentCount = 1): ManagedPolicyDetails {
  return { name, arn: `arn:aws:iam::123456789012:policy/${name}`, attachmentCount, document };
}

export function authorization(fields: Partial<AuthorizationDetails> = {}): AuthorizationDetails {
  return { users: [], groups: [], roles: [], policies: [], ...fields };
}

/** A snapshot where every source is readable and clean unless overridden. */
export function snapshot(fields: Partial<IamSnapshot> = {}): IamSnapshot {
  return {
    passwordPolicy: available(STRONG_POLICY),
    accountSummary: available({ AccountMFAEnabled: 1, AccountAccessKeysPresent: 0 }),
    credentialReport: available({ generatedAt: NOW, rows: [] }),
    authorization: available(authorization()),
    ...fields,
  };
}
