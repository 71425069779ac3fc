import { credentialSource, credentialVerdict } from '../../lookups/secrets';
import { rawAt } from '../../lookups/template-string';
import type { ResourceContext, Verdict } from '../../types';
import { resourceRule, unresolvable } from '../../types';
import { asArray } from '../../values';

/** Where each type takes an administrator password or auth token; `*` stands for every item of a list. */
const PASSWORD_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::RDS::DBInstance': ['MasterUserPassword'],
  'AWS::RDS::DBCluster': ['MasterUserPassword'],
  'AWS::DocDB::DBCluster': ['MasterUserPassword'],
  'AWS::DocDBElastic::Cluster': ['AdminUserPassword'],
  'AWS::Redshift::Cluster': ['MasterUserPassword'],
  'AWS::RedshiftServerless::Namespace': ['AdminUserPassword'],
  'AWS::OpenSearchService::Domain': ['AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
  'AWS::Elasticsearch::Domain': ['AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
  'AWS::ElastiCache::ReplicationGroup': ['AuthToken'],
  'AWS::DMS::Endpoint': ['Password'],
  'AWS::AmazonMQ::Broker': ['Users.*.Password'],
  'AWS::DirectoryService::MicrosoftAD': ['Password'],
  'AWS::DirectoryService::SimpleAD': ['Password'],
};

/** The concrete paths of a pattern (`Users.*.Password` → `Users.0.Password`, …). */
function expand(ctx: ResourceContext, pattern: string): { paths: string[]; verdicts: Verdict[] } {
  const star = pattern.indexOf('.*.');
  if (star < 0) return { paths: [pattern], verdicts: [] };
  const listPath = pattern.slice(0, star);
  const list = rawAt(ctx, listPath);
  if ('unresolvable' in list) return { paths: [], verdicts: [unresolvable(listPath, list.unresolvable)] };
  if (ctx.index.classify(list.value).kind === 'unresolvable') return { paths: [], verdicts: [unresolvable(listPath, 'the list is given by an intrinsic')] };
  return { paths: asArray(list.value).map((_, i) => `${listPath}.${i}.${pattern.slice(star + 3)}`), verdicts: [] };
}

function passwordVerdict(ctx: ResourceContext, path: string): Verdict | undefined {
  const raw = rawAt(ctx, path);
  if ('unresolvable' in raw) return unresolvable(path, raw.unresolvable);
  return credentialVerdict(credentialSource(ctx.index, raw.value), path);
}

export const NoHardcodedMasterPassword = resourceRule({
  id: 'DPP-3.5-NoHardcodedMasterPassword',
  clause: '3.5',
  level: 'error',
  critical: 'always',
  resourceTypes: Object.keys(PASSWORD_PROPERTIES),
  description: 'Database and service administrator passwords are not written in the template',
  fix: 'Let the service manage the password (ManageMasterUserPassword) or use a {{resolve:secretsmanager:…}} reference (CDK: Credentials.fromGeneratedSecret)',
  explanation: 'DPP 3.5 Secure Coding Practices forbids hardcoded credentials: a template is code, kept in repositories and readable by anyone who can describe the stack.',
  check: (ctx) => PASSWORD_PROPERTIES[ctx.type].flatMap((pattern) => {
    const { paths, verdicts } = expand(ctx, pattern);
    return [...verdicts, ...paths.flatMap((path) => passwordVerdict(ctx, path) ?? [])];
  }),
});
