import type { FakeIamAccount } from './fake-iam-server';

/** The audits' pinned clock. */
export const NOW = new Date('2026-03-31T00:00:00Z');

/** `days` days before `now`. */
export const daysBefore = (days: number, now: Date = NOW): Date => new Date(now.getTime() - days * 86_400_000);

export const ACCOUNT_ID = '123456789012';

const ALLOW_EVERYTHING = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

/**
 * The fake accounts take the clock their dates are relative to: NOW for the library tests (which pin the audit's
 * clock), the real time for the CLI tests.
 *
 * An account with one of every problem, and clean principals beside them:
 * - password policy: 8 characters, no symbols, no expiry, no reuse prevention;
 * - root: no MFA, access keys present;
 * - alice: clean (console + MFA, recently used, fresh key, permissions through a group);
 * - bob: console password without MFA, unused for 200 days, a managed policy attached directly;
 * - admin: generic name, AdministratorAccess attached directly;
 * - ci-deploy: no console; key 1 is 400 days old (still used), key 2 30 days old and never used; a `*:*` inline policy;
 * - carol: console password never used in 120 days; a 160-day-old key last used 150 days ago;
 * - test01: generic name, no credentials;
 * - group ops: a customer-managed `*:*` policy; role deploy-role: AdministratorAccess, assumable by another account
 *   with an external ID; an unattached `*:*` policy.
 */
export function problemAccount(overrides: Partial<FakeIamAccount> = {}, now: Date = NOW): FakeIamAccount {
  const daysAgo = (days: number): Date => daysBefore(days, now);
  return {
    accountId: ACCOUNT_ID,
    passwordPolicy: { MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, HardExpiry: false },
    rootMfa: false,
    rootAccessKeys: true,
    reportGeneratedAt: daysAgo(0),
    users: [
      { name: 'alice', created: daysAgo(400), groups: ['developers'], password: { changed: daysAgo(30), lastUsed: daysAgo(5) }, mfa: true, keys: [{ rotated: daysAgo(10), lastUsed: daysAgo(1) }] },
      { name: 'bob', created: daysAgo(500), groups: ['developers'], attached: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], password: { changed: daysAgo(300), lastUsed: daysAgo(200) }, mfa: false },
      { name: 'admin', created: daysAgo(700), attached: [ADMIN], password: { changed: daysAgo(20), lastUsed: daysAgo(2) }, mfa: true },
      {
        name: 'ci-deploy', created: daysAgo(450), inline: { 'deploy-everything': ALLOW_EVERYTHING },
        keys: [{ rotated: daysAgo(400), lastUsed: daysAgo(2) }, { rotated: daysAgo(30) }],
      },
      { name: 'carol', created: daysAgo(120), groups: ['developers', 'ops'], password: { changed: daysAgo(120) }, mfa: true, keys: [{ rotated: daysAgo(160), lastUsed: daysAgo(150) }] },
      { name: 'test01', created: daysAgo(10) },
    ],
    groups: [
      { name: 'developers', attached: [READ_ONLY] },
      { name: 'ops', attached: [`arn:aws:iam::${ACCOUNT_ID}:policy/ops-everything`], inline: { 'ops-logs': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] } } },
    ],
    roles: [
      { name: 'deploy-role', trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }] }, attached: [ADMIN], lastUsed: daysAgo(3) },
      { name: 'lambda-exec', trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, inline: { logs: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:*:*:*' }] } } },
      { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/', trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'support.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, attached: ['arn:aws:iam::aws:policy/aws-service-role/AWSSupportServiceRolePolicy'] },
    ],
    policies: [
      { name: 'ops-everything', document: ALLOW_EVERYTHING, attachmentCount: 1 },
      { name: 'unused-everything', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*:*', Resource: ['*'] } }, attachmentCount: 0 },
      { name: 'read-buckets', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] }, attachmentCount: 0 },
    ],
    ...overrides,
  };
}

/** An account that meets every automated check. */
export function cleanAccount(overrides: Partial<FakeIamAccount> = {}, now: Date = NOW): FakeIamAccount {
  const daysAgo = (days: number): Date => daysBefore(days, now);
  return {
    accountId: ACCOUNT_ID,
    passwordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, AllowUsersToChangePassword: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: false },
    rootMfa: true,
    rootAccessKeys: false,
    reportGeneratedAt: daysAgo(0),
    users: [{ name: 'alice', created: daysAgo(400), groups: ['developers'], password: { changed: daysAgo(30), lastUsed: daysAgo(5) }, mfa: true }],
    groups: [{ name: 'developers', attached: [READ_ONLY] }],
    roles: [{ name: 'lambda-exec', trust: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }],
    policies: [],
    ...overrides,
  };
}

/** `days` days before NOW. */
export const daysAgo = (days: number): Date => daysBefore(days);
