import { actionMatches, statementsOf } from '../checks/lookups/policy-document';
import type { PolicyRef, RoleDetails } from './authorization-details';
import { ROOT_ROW, type CredentialReportRow } from './credential-report';
import type { IamSnapshot } from './collect';
import type { LastUse } from './types';

/** A use of a credential: an ISO timestamp, `never`, or null when IAM does not know (or the audit could not read it). */
export type UseRecord = string | 'never' | null;

export interface ReviewPolicy {
  readonly name: string;
  readonly arn: string;
}

export interface ReviewAccessKey {
  readonly key: 1 | 2;
  readonly active: boolean;
  readonly created: string | null;
  readonly lastUsed: UseRecord;
}

export interface ReviewUser {
  readonly name: string;
  readonly arn: string;
  readonly created: string | null;
  readonly groups: readonly string[];
  readonly attachedPolicies: readonly ReviewPolicy[];
  readonly inlinePolicies: readonly string[];
  /** Whether the user has a console password (null: credential report unavailable). */
  readonly consoleAccess: boolean | null;
  readonly mfaActive: boolean | null;
  readonly passwordLastUsed: UseRecord;
  readonly accessKeys: readonly ReviewAccessKey[];
  /** The latest of the console and access-key uses. */
  readonly lastActivity: UseRecord;
}

export interface ReviewGroup {
  readonly name: string;
  readonly arn: string;
  readonly members: readonly string[];
  readonly attachedPolicies: readonly ReviewPolicy[];
  readonly inlinePolicies: readonly string[];
}

/** One principal a role's trust policy lets assume it. */
export interface TrustedPrincipal {
  /** The trust policy's principal kind: `AWS` (accounts, users, roles), `Service`, `Federated`, or `*` (anyone). */
  readonly type: string;
  readonly id: string;
  /** True when the statement has a Condition (external ID, MFA, OIDC subject, …). */
  readonly conditional: boolean;
}

export interface ReviewRole {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly assumableBy: readonly TrustedPrincipal[];
  readonly attachedPolicies: readonly ReviewPolicy[];
  readonly inlinePolicies: readonly string[];
  readonly lastUsed: string | null;
}

/**
 * The quarterly access review's evidence (DPP 2.2 Access Management): every user, group and role, what it can use
 * and when it was last active, dated. `gaps` names the IAM data the audit could not read, so an incomplete review
 * never looks complete.
 */
export interface AccessReview {
  readonly account: string;
  readonly generatedAt: string;
  readonly credentialReportGeneratedAt: string | null;
  readonly gaps: readonly string[];
  readonly users: readonly ReviewUser[];
  readonly groups: readonly ReviewGroup[];
  readonly roles: readonly ReviewRole[];
}

const iso = (date: Date | undefined): string | null => (date ? date.toISOString() : null);
const use = (value: LastUse): UseRecord => (value instanceof Date ? value.toISOString() : value === 'never' ? 'never' : null);
const policies = (refs: readonly PolicyRef[]): ReviewPolicy[] => refs.map((p) => ({ name: p.name, arn: p.arn }));

/** The latest of several uses: a date beats `never`, `never` beats unknown. */
export function latestUse(uses: readonly UseRecord[]): UseRecord {
  const dates = uses.filter((u): u is string => u !== null && u !== 'never').sort();
  if (dates.length > 0) return dates[dates.length - 1]!;
  return uses.includes('never') ? 'never' : null;
}

const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/** Who a trust policy lets assume the role: the principals of its `Allow` statements on `sts:AssumeRole*`. */
export function trustedPrincipals(trustPolicy: unknown): TrustedPrincipal[] {
  const out: TrustedPrincipal[] = [];
  for (const s of statementsOf(trustPolicy).statements) {
    if (s.effect !== 'Allow' || s.notPrincipal || !s.actions.some((a) => ASSUME_ACTIONS.some((action) => actionMatches(a, action)))) continue;
    const conditional = s.condition !== undefined && Object.keys(s.condition).length > 0;
    const raw = s.principalRaw;
    if (typeof raw === 'string') out.push({ type: raw === '*' ? '*' : 'AWS', id: raw, conditional });
    else if (raw && typeof raw === 'object') {
      for (const [type, ids] of Object.entries(raw as Record<string, unknown>)) {
        for (const id of Array.isArray(ids) ? ids : [ids]) if (typeof id === 'string') out.push({ type, id, conditional });
      }
    }
  }
  return out;
}

function reviewUser(name: string, snapshot: IamSnapshot, row: CredentialReportRow | undefined): ReviewUser {
  const details = snapshot.authorization.ok ? snapshot.authorization.value.users.find((u) => u.name === name) : undefined;
  const accessKeys: ReviewAccessKey[] = (row?.accessKeys ?? [])
    .filter((k) => k.active || k.lastRotated)
    .map((k) => ({ key: k.slot, active: k.active, created: iso(k.lastRotated), lastUsed: use(k.lastUsed) }));
  return {
    name,
    arn: details?.arn ?? row?.arn ?? '',
    created: iso(details?.created ?? row?.created),
    groups: details?.groups ?? [],
    attachedPolicies: policies(details?.attached ?? []),
    inlinePolicies: (details?.inline ?? []).map((p) => p.name),
    consoleAccess: row?.passwordEnabled ?? null,
    mfaActive: row ? row.mfaActive : null,
    passwordLastUsed: row ? use(row.passwordLastUsed) : null,
    accessKeys,
    lastActivity: row ? latestUse([use(row.passwordLastUsed), ...row.accessKeys.map((k) => use(k.lastUsed))]) : null,
  };
}

function reviewRole(role: RoleDetails): ReviewRole {
  return {
    name: role.name,
    arn: role.arn,
    path: role.path,
    assumableBy: trustedPrincipals(role.trustPolicy),
    attachedPolicies: policies(role.attached),
    inlinePolicies: role.inline.map((p) => p.name),
    lastUsed: iso(role.lastUsed),
  };
}

/** Builds the access review from whatever the audit could read. */
export function buildAccessReview(snapshot: IamSnapshot, account: string, now: Date): AccessReview {
  const rows = snapshot.credentialReport.ok ? snapshot.credentialReport.value.rows.filter((r) => r.user !== ROOT_ROW) : [];
  const byName = new Map(rows.map((r) => [r.user, r]));
  const auth = snapshot.authorization.ok ? snapshot.authorization.value : undefined;
  const names = [...new Set([...(auth?.users.map((u) => u.name) ?? []), ...rows.map((r) => r.user)])].sort();
  const gaps = [
    ...(snapshot.authorization.ok ? [] : [`groups, roles and policies not listed: ${snapshot.authorization.reason}`]),
    ...(snapshot.credentialReport.ok ? [] : [`console access, MFA and last activity not known: ${snapshot.credentialReport.reason}`]),
  ];
  return {
    account,
    generatedAt: now.toISOString(),
    credentialReportGeneratedAt: snapshot.credentialReport.ok ? iso(snapshot.credentialReport.value.generatedAt) : null,
    gaps,
    users: names.map((name) => reviewUser(name, snapshot, byName.get(name))),
    groups: (auth?.groups ?? []).map((g) => ({
      name: g.name,
      arn: g.arn,
      members: (auth?.users ?? []).filter((u) => u.groups.includes(g.name)).map((u) => u.name).sort(),
      attachedPolicies: policies(g.attached),
      inlinePolicies: g.inline.map((p) => p.name),
    })).sort((a, b) => a.name.localeCompare(b.name)),
    roles: (auth?.roles ?? []).map(reviewRole).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
