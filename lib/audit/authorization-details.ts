import type { GetAccountAuthorizationDetailsCommandOutput, PolicyDetail, AttachedPolicy } from '@aws-sdk/client-iam';

/** A managed policy attached to a principal. */
export interface PolicyRef {
  readonly name: string;
  readonly arn: string;
}

/** An inline policy with its document parsed. */
export interface InlinePolicy {
  readonly name: string;
  /** The parsed JSON document, or undefined when IAM returned something unparsable. */
  readonly document: unknown;
}

/** What users, groups and roles share: their permissions. */
export interface PrincipalDetails {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly created: Date | undefined;
  readonly attached: readonly PolicyRef[];
  readonly inline: readonly InlinePolicy[];
}

export interface UserDetails extends PrincipalDetails {
  readonly groups: readonly string[];
}

export type GroupDetails = PrincipalDetails;

export interface RoleDetails extends PrincipalDetails {
  /** The parsed trust policy (who may assume the role). */
  readonly trustPolicy: unknown;
  readonly lastUsed: Date | undefined;
}

/** A customer-managed policy with its default version's document. */
export interface ManagedPolicyDetails {
  readonly name: string;
  readonly arn: string;
  readonly attachmentCount: number;
  readonly document: unknown;
}

/** The account's principals and customer-managed policies, from `GetAccountAuthorizationDetails`. */
export interface AuthorizationDetails {
  readonly users: readonly UserDetails[];
  readonly groups: readonly GroupDetails[];
  readonly roles: readonly RoleDetails[];
  readonly policies: readonly ManagedPolicyDetails[];
}

/**
 * Parses an IAM policy document. IAM returns documents URL-encoded (RFC 3986); a document that is already
 * plain JSON is accepted too. Unparsable text gives undefined, never a throw.
 */
export function parsePolicyDocument(text: string | undefined): unknown {
  if (!text) return undefined;
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function attached(list: readonly AttachedPolicy[] | undefined): PolicyRef[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
}

function inline(list: readonly PolicyDetail[] | undefined): InlinePolicy[] {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: parsePolicyDocument(p.PolicyDocument) }));
}

/** Merges the pages of `GetAccountAuthorizationDetails` into one normalised model. */
export function authorizationDetailsOf(pages: readonly GetAccountAuthorizationDetailsCommandOutput[]): AuthorizationDetails {
  const users: UserDetails[] = [];
  const groups: GroupDetails[] = [];
  const roles: RoleDetails[] = [];
  const policies: ManagedPolicyDetails[] = [];
  for (const page of pages) {
    for (const u of page.UserDetailList ?? []) {
      users.push({
        name: u.UserName ?? '', arn: u.Arn ?? '', path: u.Path ?? '/', created: u.CreateDate,
        attached: attached(u.AttachedManagedPolicies), inline: inline(u.UserPolicyList), groups: [...(u.GroupList ?? [])],
      });
    }
    for (const g of page.GroupDetailList ?? []) {
      groups.push({
        name: g.GroupName ?? '', arn: g.Arn ?? '', path: g.Path ?? '/', created: g.CreateDate,
        attached: attached(g.AttachedManagedPolicies), inline: inline(g.GroupPolicyList),
      });
    }
    for (const r of page.RoleDetailList ?? []) {
      roles.push({
        name: r.RoleName ?? '', arn: r.Arn ?? '', path: r.Path ?? '/', created: r.CreateDate,
        attached: attached(r.AttachedManagedPolicies), inline: inline(r.RolePolicyList),
        trustPolicy: parsePolicyDocument(r.AssumeRolePolicyDocument), lastUsed: r.RoleLastUsed?.LastUsedDate,
      });
    }
    for (const p of page.Policies ?? []) {
      const version = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
      policies.push({ name: p.PolicyName ?? '', arn: p.Arn ?? '', attachmentCount: p.AttachmentCount ?? 0, document: parsePolicyDocument(version?.Document) });
    }
  }
  return { users, groups, roles, policies };
}

/** Every user, group and role, each with its kind, for the checks that treat them alike (DPP 2.3). */
export function principalsOf(details: AuthorizationDetails): { kind: 'user' | 'group' | 'role'; principal: PrincipalDetails }[] {
  return [
    ...details.users.map((principal) => ({ kind: 'user' as const, principal })),
    ...details.groups.map((principal) => ({ kind: 'group' as const, principal })),
    ...details.roles.map((principal) => ({ kind: 'role' as const, principal })),
  ];
}
