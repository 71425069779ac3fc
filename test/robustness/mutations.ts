/**
 * Mutations of the synthesized default app: each breaks ONE control of the baseline and names the
 * DPP rule that must catch it (issue 9, "mutation tests of the baseline"). The templates are deep
 * copies of the synthesized ones; a mutation edits them in place and returns where the finding
 * must land. Finders throw when the baseline no longer has the resource a mutation expects, so a
 * change of the baseline shows up as a clear error here, not as a silently untested control.
 */
import type { Level } from '../../lib/checks/types';

/** A resource of a template being mutated. */
export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: string;
  DependsOn?: string | string[];
}

/** A template being mutated: the parts the mutations touch. */
export interface MutableTemplate {
  Resources: Record<string, Resource>;
  Parameters?: Record<string, Record<string, unknown>>;
  Outputs?: Record<string, Record<string, unknown>>;
}

/** The four stacks of the default app: a baseline and a us-east-1 sign-in forwarder per environment. */
export type StackKey = 'test' | 'prod';

export interface MutableStack {
  readonly key: StackKey;
  template: MutableTemplate;
  account?: string;
  region?: string;
}

export type Baseline = Record<StackKey, MutableStack>;

/** Where the finding must land: a resource of a stack, or the stack itself (app rules' stack-level findings). */
export interface Target {
  readonly stack: StackKey;
  readonly logicalId?: string;
}

export interface Mutation {
  /** What is broken, as a reviewer would say it. */
  readonly name: string;
  /** The DPP clause the control serves (the rule's clause). */
  readonly clause: string;
  readonly ruleId: string;
  /** The level the finding must have; default: error. */
  readonly level?: Level;
  /** A change that is not a weakening (e.g. adding a console user to an MFA group), applied before the mutation; alone it must raise no error. */
  readonly setup?: (baseline: Baseline) => void;
  readonly mutate: (baseline: Baseline) => Target;
}

// ---------------------------------------------------------------------------------------------
// Paths into resources: `Properties.A.0.B` (numbers index lists).

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

/** The container holding the last segment of a path, and that segment. Throws when a step is missing. */
function parentOf(root: unknown, path: string): { parent: Container; key: string } {
  const keys = path.split('.');
  let current = root;
  for (const key of keys.slice(0, -1)) {
    const next = isContainer(current) ? (current as Record<string, unknown>)[key] : undefined;
    if (!isContainer(next)) throw new Error(`mutation: no ${path} (stopped at ${key})`);
    current = next;
  }
  return { parent: current as Container, key: keys[keys.length - 1] };
}

export function getAt(root: unknown, path: string): unknown {
  const { parent, key } = parentOf(root, path);
  return (parent as Record<string, unknown>)[key];
}

/** Sets a value; the parent must exist (a mutation changes the baseline's shape, it does not invent it). */
export function setAt(root: unknown, path: string, value: unknown): void {
  const { parent, key } = parentOf(root, path);
  (parent as Record<string, unknown>)[key] = value;
}

/** Removes a value that must be there (a list item is spliced out). */
export function deleteAt(root: unknown, path: string): void {
  const { parent, key } = parentOf(root, path);
  if (!(key in parent)) throw new Error(`mutation: no ${path} to delete`);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

/** Removes a key that must be there from the map at a path (for keys with dots, such as `rds.force_ssl`). */
export function deleteKey(root: unknown, path: string, key: string): void {
  const map = getAt(root, path);
  if (!isContainer(map) || !(key in map)) throw new Error(`mutation: no ${key} in ${path}`);
  delete (map as Record<string, unknown>)[key];
}

/** The list at a path (it must be one). */
export function listAt(root: unknown, path: string): unknown[] {
  const value = getAt(root, path);
  if (!Array.isArray(value)) throw new Error(`mutation: ${path} is not a list`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Finding resources.

export type Where = (resource: Resource, logicalId: string) => boolean;

/** The logical IDs of a stack's resources of a type (that match `where`), in template order. */
export function idsOf(stack: MutableStack, type: string, where: Where = () => true): string[] {
  return Object.entries(stack.template.Resources).filter(([id, r]) => r.Type === type && where(r, id)).map(([id]) => id);
}

/** The one resource of a type that matches; throws when there is none or several. */
export function only(stack: MutableStack, type: string, where?: Where): string {
  const ids = idsOf(stack, type, where);
  if (ids.length !== 1) throw new Error(`mutation: expected one ${type} in ${stack.key}, found ${ids.length}`);
  return ids[0];
}

/** The first resource of a type that matches; throws when there is none. */
export function first(stack: MutableStack, type: string, where?: Where): string {
  const [id] = idsOf(stack, type, where);
  if (id === undefined) throw new Error(`mutation: no ${type} in ${stack.key}`);
  return id;
}

/** A tag's value: from `Tags: [{ Key, Value }]` or a map of tags (`UserPoolTags`). */
export function tagOf(resource: Resource, key: string): unknown {
  const props = resource.Properties ?? {};
  if (Array.isArray(props.Tags)) return (props.Tags as Array<{ Key?: unknown; Value?: unknown }>).find((t) => t.Key === key)?.Value;
  const map = (props.Tags ?? props.UserPoolTags) as Record<string, unknown> | undefined;
  return map?.[key];
}

export const withId = (id: string): Where => (_r, logicalId) => logicalId === id;
export const tagged = (key: string, value: string): Where => (r) => tagOf(r, key) === value;
export const PII: Where = tagged('dpp:classification', 'pii');

/** Where `Properties.<path>` equals a value. */
export const withProperty = (path: string, value: unknown): Where => (r) => {
  try {
    return getAt(r.Properties, path) === value;
  } catch {
    return false;
  }
};

/** The logical ID a `Ref` or `Fn::GetAtt` names. */
export function referenced(raw: unknown): string {
  const ref = (raw as { Ref?: unknown } | undefined)?.Ref;
  if (typeof ref === 'string') return ref;
  const getAtt = (raw as { 'Fn::GetAtt'?: unknown } | undefined)?.['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  throw new Error(`mutation: ${JSON.stringify(raw)} is not a reference`);
}

/** Where the resource references `logicalId` at `Properties.<path>`. */
export const referencing = (path: string, logicalId: string): Where => (r) => {
  try {
    return referenced(getAt(r.Properties, path)) === logicalId;
  } catch {
    return false;
  }
};

/** Removes a tag that must be there. */
export function removeTag(resource: Resource, key: string): void {
  const props = resource.Properties ?? {};
  if (Array.isArray(props.Tags)) {
    const index = (props.Tags as Array<{ Key?: unknown }>).findIndex((t) => t.Key === key);
    if (index < 0) throw new Error(`mutation: no tag ${key}`);
    props.Tags.splice(index, 1);
  } else {
    deleteAt(props, `${props.UserPoolTags ? 'UserPoolTags' : 'Tags'}.${key}`);
  }
}

/** Sets an existing `{ Key, Value }` tag. */
export function setTag(resource: Resource, key: string, value: string): void {
  const tag = listAt(resource, 'Properties.Tags').find((t) => (t as { Key?: unknown }).Key === key) as { Value: unknown } | undefined;
  if (!tag) throw new Error(`mutation: no tag ${key}`);
  tag.Value = value;
}

/** Applies `change` to the one resource of a type that matches, and names it as the target. */
export function edit(stack: MutableStack, type: string, where: Where | undefined, change: (resource: Resource, stack: MutableStack) => void): Target {
  const logicalId = only(stack, type, where);
  change(stack.template.Resources[logicalId], stack);
  return { stack: stack.key, logicalId };
}

/** Like {@link edit}, on the first match (for resources the baseline repeats per AZ or per alarm). */
export function editFirst(stack: MutableStack, type: string, where: Where | undefined, change: (resource: Resource, stack: MutableStack) => void): Target {
  const logicalId = first(stack, type, where);
  change(stack.template.Resources[logicalId], stack);
  return { stack: stack.key, logicalId };
}

/** A property edit as a change: `prop('Properties.X', false)`. */
const set = (path: string, value: unknown) => (r: Resource) => setAt(r, path, value);
const remove = (path: string) => (r: Resource) => deleteAt(r, path);

// ---------------------------------------------------------------------------------------------
// Shared pieces of several mutations.

const BUCKET = 'AWS::S3::Bucket';
const BUCKET_POLICY = 'AWS::S3::BucketPolicy';
const DB_CLUSTER = 'AWS::RDS::DBCluster';
const DB_INSTANCE = 'AWS::RDS::DBInstance';
const TABLE = 'AWS::DynamoDB::Table';
const TRAIL = 'AWS::CloudTrail::Trail';
/** The management-event trail (the environment also has the PII stores' data-events trail). */
const AUDIT_TRAIL: Where = withProperty('TrailName', 'dpp-audit-trail');
const KEY = 'AWS::KMS::Key';
const LOG_GROUP = 'AWS::Logs::LogGroup';
const SUBNET = 'AWS::EC2::Subnet';
const GROUP = 'AWS::IAM::Group';
const POLICY = 'AWS::IAM::Policy';
const USER = 'AWS::IAM::User';
const USER_POOL = 'AWS::Cognito::UserPool';
const PASSWORD_POLICY = 'Custom::AccountPasswordPolicy';
const ALARM = 'AWS::CloudWatch::Alarm';

const DATA_TIER: Where = tagged('dpp:network-tier', 'data');
const SECURITY_TOPIC: Where = tagged('dpp:purpose', 'security-alerts');
const WRITER: Where = (_r, id) => id.includes('Writer');
const ADMINISTRATORS: Where = withProperty('GroupName', 'dpp-administrators');
const DEVELOPERS: Where = withProperty('GroupName', 'dpp-developers');

/** A statement of a policy document that tests a condition key (e.g. `aws:SecureTransport`). */
function testsConditionKey(statement: unknown, key: string): boolean {
  const condition = (statement as { Condition?: Record<string, Record<string, unknown>> }).Condition ?? {};
  return Object.values(condition).some((block) => Object.keys(block).includes(key));
}

/** Removes the statements of a resource's `PolicyDocument` that test a condition key; there must be one. */
function dropStatementsTesting(key: string) {
  return (r: Resource) => {
    const statements = listAt(r, 'Properties.PolicyDocument.Statement');
    const kept = statements.filter((s) => !testsConditionKey(s, key));
    if (kept.length === statements.length) throw new Error(`mutation: no statement tests ${key}`);
    setAt(r, 'Properties.PolicyDocument.Statement', kept);
  };
}

const addStatement = (statement: Record<string, unknown>, path = 'Properties.PolicyDocument.Statement') => (r: Resource) => {
  listAt(r, path).push(statement);
};

/** The flow log's log group. */
function flowLogGroup(stack: MutableStack): Where {
  const flowLog = stack.template.Resources[only(stack, 'AWS::EC2::FlowLog')];
  return withId(referenced(flowLog.Properties?.LogGroupName));
}

/** The bucket a PII bucket's policy protects. */
function piiBucketPolicy(stack: MutableStack): Where {
  return referencing('Bucket', only(stack, BUCKET, PII));
}

/** The key that encrypts the PII bucket (the data key). */
function dataKey(stack: MutableStack): Where {
  const bucket = stack.template.Resources[only(stack, BUCKET, PII)];
  return withId(referenced(getAt(bucket, 'Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault.KMSMasterKeyID')));
}

/** The parameter group the database cluster names. */
function clusterParameterGroup(stack: MutableStack): Where {
  return withId(referenced(stack.template.Resources[only(stack, DB_CLUSTER)].Properties?.DBClusterParameterGroupName));
}

const CONSOLE_USER = 'MutationConsoleUser';

/**
 * Setup: a named person with a console password (from Secrets Manager) in the administrators
 * group, as a team adding its people to the template would write it. Users are otherwise added
 * outside the template, where the MFA rules cannot see them.
 */
function addConsoleUser(baseline: Baseline): void {
  const stack = baseline.prod;
  stack.template.Resources[CONSOLE_USER] = {
    Type: USER,
    Properties: {
      UserName: 'jane.doe',
      Groups: [{ Ref: only(stack, GROUP, ADMINISTRATORS) }],
      LoginProfile: { Password: '{{resolve:secretsmanager:dpp/jane.doe:SecretString:password}}', PasswordResetRequired: true },
    },
  };
}

/** The MFA-enforcing deny (`aws:MultiFactorAuthPresent` false) dropped from the MFA policy. */
function removeMfaDeny(baseline: Baseline): void {
  edit(baseline.prod, 'AWS::IAM::ManagedPolicy', (r) => listAt(r, 'Properties.PolicyDocument.Statement').some((s) => testsConditionKey(s, 'aws:MultiFactorAuthPresent')), dropStatementsTesting('aws:MultiFactorAuthPresent'));
}

const consoleUser = (stack: MutableStack): Resource => stack.template.Resources[CONSOLE_USER];

// ---------------------------------------------------------------------------------------------
// The table.

export const MUTATIONS: readonly Mutation[] = [
  // DPP 2.1 Network Protection
  {
    name: 'open the database security group to the world on SSH (0.0.0.0/0, tcp 22)',
    clause: '2.1', ruleId: 'DPP-2.1-SecurityGroupNoOpenIngress',
    mutate: (b) => edit(b.prod, 'AWS::EC2::SecurityGroup', (r) => String(r.Properties?.GroupDescription).includes('5432'), addStatement(
      { CidrIp: '0.0.0.0/0', Description: 'ssh', FromPort: 22, IpProtocol: 'tcp', ToPort: 22 }, 'Properties.SecurityGroupIngress')),
  },
  {
    name: 'open the interface-endpoint security group to all IPv6 traffic (::/0, protocol -1)',
    clause: '2.1', ruleId: 'DPP-2.1-SecurityGroupNoOpenIngress',
    mutate: (b) => edit(b.prod, 'AWS::EC2::SecurityGroup', (r) => String(r.Properties?.GroupDescription).startsWith('Interface endpoints'),
      set('Properties.SecurityGroupIngress.0', { CidrIpv6: '::/0', IpProtocol: '-1' })),
  },
  {
    name: 'turn the database\'s separate ingress rule into 0.0.0.0/0',
    clause: '2.1', ruleId: 'DPP-2.1-SecurityGroupNoOpenIngress',
    mutate: (b) => edit(b.prod, 'AWS::EC2::SecurityGroupIngress', undefined, (r) => {
      deleteAt(r, 'Properties.SourceSecurityGroupId');
      setAt(r, 'Properties.CidrIp', '0.0.0.0/0');
    }),
  },
  {
    name: 'let the internet into the data tier\'s network ACL',
    clause: '2.1', ruleId: 'DPP-2.1-NetworkAclOpenIngress',
    mutate: (b) => editFirst(b.prod, 'AWS::EC2::NetworkAclEntry', (_r, id) => id.startsWith('NetworkDataAclIn'), set('Properties.CidrBlock', '0.0.0.0/0')),
  },
  {
    name: 'drop a data subnet\'s network ACL association (it falls back to the default ACL)',
    clause: '2.1', ruleId: 'DPP-2.1-SegmentedSubnetNetworkAcl',
    mutate: (b) => {
      const subnet = first(b.prod, SUBNET, DATA_TIER);
      delete b.prod.template.Resources[only(b.prod, 'AWS::EC2::SubnetNetworkAclAssociation', referencing('SubnetId', subnet))];
      return { stack: 'prod', logicalId: subnet };
    },
  },
  {
    name: 'map public IPs on launch in a data subnet',
    clause: '2.1', ruleId: 'DPP-2.1-DataSubnetNoPublicIp',
    mutate: (b) => editFirst(b.prod, SUBNET, DATA_TIER, set('Properties.MapPublicIpOnLaunch', true)),
  },
  {
    name: 'remove the VPC flow log',
    clause: '2.1', ruleId: 'DPP-2.1-VpcFlowLogs',
    mutate: (b) => {
      delete b.prod.template.Resources[only(b.prod, 'AWS::EC2::FlowLog')];
      return { stack: 'prod', logicalId: only(b.prod, 'AWS::EC2::VPC') };
    },
  },
  {
    name: 'make the PII bucket public: BlockPublicPolicy false',
    clause: '2.1', ruleId: 'DPP-2.1-S3BlockPublicAccess',
    mutate: (b) => edit(b.prod, BUCKET, PII, set('Properties.PublicAccessBlockConfiguration.BlockPublicPolicy', false)),
  },
  {
    name: 'remove the Config bucket\'s public access block',
    clause: '2.1', ruleId: 'DPP-2.1-S3BlockPublicAccess',
    mutate: (b) => edit(b.prod, BUCKET, (_r, id) => id.startsWith('DetectiveServicesConfigBucket'), remove('Properties.PublicAccessBlockConfiguration')),
  },
  {
    name: 'give the Config bucket a public canned ACL (PublicRead)',
    clause: '2.1', ruleId: 'DPP-2.1-S3NoPublicAcl',
    mutate: (b) => edit(b.prod, BUCKET, (_r, id) => id.startsWith('DetectiveServicesConfigBucket'), (r) => {
      r.Properties!.AccessControl = 'PublicRead';
    }),
  },
  {
    name: 'make the database writer publicly accessible',
    clause: '2.1', ruleId: 'DPP-2.1-NotPubliclyAccessible',
    mutate: (b) => edit(b.prod, DB_INSTANCE, WRITER, set('Properties.PubliclyAccessible', true)),
  },
  {
    name: 'leave PubliclyAccessible unset on the database reader (public when the VPC has an internet gateway)',
    clause: '2.1', ruleId: 'DPP-2.1-NotPubliclyAccessible',
    mutate: (b) => edit(b.prod, DB_INSTANCE, (_r, id) => id.includes('Reader'), remove('Properties.PubliclyAccessible')),
  },
  {
    name: 'open the test environment\'s database security group to the world on RDP (3389)',
    clause: '2.1', ruleId: 'DPP-2.1-SecurityGroupNoOpenIngress',
    mutate: (b) => edit(b.test, 'AWS::EC2::SecurityGroup', (r) => String(r.Properties?.GroupDescription).includes('5432'), addStatement(
      { CidrIp: '0.0.0.0/0', FromPort: 3389, IpProtocol: 'tcp', ToPort: 3389 }, 'Properties.SecurityGroupIngress')),
  },

  // DPP 2.2 Access Management
  {
    name: 'remove the MFA deny from the MFA policy of a group with a console user (the user)',
    clause: '2.2', ruleId: 'DPP-2.2-ConsoleUserMfaGroup',
    setup: addConsoleUser,
    mutate: (b) => {
      removeMfaDeny(b);
      return { stack: 'prod', logicalId: CONSOLE_USER };
    },
  },
  {
    name: 'give the console user a generic name (admin)',
    clause: '2.2', ruleId: 'DPP-2.2-IamUserNotGeneric',
    setup: addConsoleUser,
    mutate: (b) => {
      setAt(consoleUser(b.prod), 'Properties.UserName', 'admin');
      return { stack: 'prod', logicalId: CONSOLE_USER };
    },
  },
  {
    name: 'set the user pool\'s threat protection to audit only',
    clause: '2.2', ruleId: 'DPP-2.2-CognitoThreatProtection',
    mutate: (b) => edit(b.prod, USER_POOL, undefined, set('Properties.UserPoolAddOns.AdvancedSecurityMode', 'AUDIT')),
  },

  // DPP 2.3 Least Privilege Access
  {
    name: 'attach AdministratorAccess to the developers group',
    clause: '2.3', ruleId: 'DPP-2.3-NoAdminManagedPolicy',
    mutate: (b) => edit(b.prod, GROUP, DEVELOPERS, (r) => {
      r.Properties!.ManagedPolicyArns = [...((r.Properties!.ManagedPolicyArns as unknown[] | undefined) ?? []),
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] }];
    }),
  },
  {
    name: 'add an Allow of Action "*" on Resource "*" to the flow log role\'s policy',
    clause: '2.3', ruleId: 'DPP-2.3-NoWildcardGrant',
    mutate: (b) => edit(b.prod, POLICY, (_r, id) => id.startsWith('NetworkFlowLogRoleDefaultPolicy'), addStatement({ Action: '*', Effect: 'Allow', Resource: '*' })),
  },
  {
    name: 'add an Allow of Action "*" on Resource "*" to the account lockout handler\'s role policy',
    clause: '2.3', ruleId: 'DPP-2.3-NoWildcardGrant',
    mutate: (b) => edit(b.prod, POLICY, (_r, id) => id.startsWith('AccountLockoutHandlerRoleDefaultPolicy'), addStatement({ Action: '*', Effect: 'Allow', Resource: '*' })),
  },
  {
    name: 'allow any principal (Principal "*") to read the audit trail bucket',
    clause: '2.3', ruleId: 'DPP-2.3-NoPublicPrincipal',
    mutate: (b) => {
      const bucket = referenced(b.prod.template.Resources[only(b.prod, TRAIL, AUDIT_TRAIL)].Properties?.S3BucketName);
      return edit(b.prod, BUCKET_POLICY, referencing('Bucket', bucket), addStatement(
        { Action: 's3:GetObject', Effect: 'Allow', Principal: '*', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] } }));
    },
  },
  {
    name: 'allow a write action (s3:PutObject) on Resource "*" in the flow log role\'s policy (a warning rule)',
    clause: '2.3', ruleId: 'DPP-2.3-ScopedWriteActions', level: 'warning',
    mutate: (b) => edit(b.prod, POLICY, (_r, id) => id.startsWith('NetworkFlowLogRoleDefaultPolicy'), addStatement({ Action: 's3:PutObject', Effect: 'Allow', Resource: '*' })),
  },

  // DPP 2.4 Credential Management
  {
    name: 'remove the MFA deny from the MFA policy of a group with a console user (the group)',
    clause: '2.4', ruleId: 'DPP-2.4-ConsoleGroupMfa',
    setup: addConsoleUser,
    mutate: (b) => {
      removeMfaDeny(b);
      return { stack: 'prod', logicalId: only(b.prod, GROUP, ADMINISTRATORS) };
    },
  },
  {
    name: 'remove the MFA deny from the MFA policy (no console user declared in the template)',
    clause: '2.4', ruleId: 'DPP-2.4-ConsoleGroupMfa',
    mutate: (b) => {
      removeMfaDeny(b);
      return { stack: 'prod', logicalId: only(b.prod, GROUP, ADMINISTRATORS) };
    },
  },
  {
    name: 'weaken the account password policy: minimum length 8',
    clause: '2.4', ruleId: 'DPP-2.4-AccountPasswordPolicy',
    mutate: (b) => edit(b.prod, PASSWORD_POLICY, undefined, set('Properties.MinimumPasswordLength', 8)),
  },
  {
    name: 'weaken the account password policy: no symbols required',
    clause: '2.4', ruleId: 'DPP-2.4-AccountPasswordPolicy',
    mutate: (b) => edit(b.prod, PASSWORD_POLICY, undefined, set('Properties.RequireSymbols', false)),
  },
  {
    name: 'weaken the account password policy: maximum age 400 days',
    clause: '2.4', ruleId: 'DPP-2.4-AccountPasswordPolicy',
    mutate: (b) => edit(b.prod, PASSWORD_POLICY, undefined, set('Properties.MaxPasswordAge', 400)),
  },
  {
    name: 'weaken the account password policy: no reuse prevention',
    clause: '2.4', ruleId: 'DPP-2.4-AccountPasswordPolicy',
    mutate: (b) => edit(b.prod, PASSWORD_POLICY, undefined, remove('Properties.PasswordReusePrevention')),
  },
  {
    name: 'make MFA optional on the user pool',
    clause: '2.4', ruleId: 'DPP-2.4-CognitoMfaRequired',
    mutate: (b) => edit(b.prod, USER_POOL, undefined, set('Properties.MfaConfiguration', 'OPTIONAL')),
  },
  {
    name: 'remove MFA from the user pool entirely',
    clause: '2.4', ruleId: 'DPP-2.4-CognitoMfaRequired',
    mutate: (b) => edit(b.prod, USER_POOL, undefined, (r) => {
      deleteAt(r, 'Properties.MfaConfiguration');
      deleteAt(r, 'Properties.EnabledMfas');
    }),
  },
  {
    name: 'shorten the user pool\'s minimum password length to 8',
    clause: '2.4', ruleId: 'DPP-2.4-CognitoPasswordPolicy',
    mutate: (b) => edit(b.prod, USER_POOL, undefined, set('Properties.Policies.PasswordPolicy.MinimumLength', 8)),
  },
  {
    name: 'encrypt the database secret with the AWS-managed key (no KmsKeyId)',
    clause: '2.4', ruleId: 'DPP-2.4-SecretCustomerKey',
    mutate: (b) => edit(b.prod, 'AWS::SecretsManager::Secret', undefined, remove('Properties.KmsKeyId')),
  },

  // DPP 2.5 Encryption in Transit
  {
    name: 'drop the TLS-deny statement from the PII bucket policy',
    clause: '2.5', ruleId: 'DPP-2.5-S3DenyInsecureTransport',
    mutate: (b) => {
      edit(b.prod, BUCKET_POLICY, piiBucketPolicy(b.prod), dropStatementsTesting('aws:SecureTransport'));
      return { stack: 'prod', logicalId: only(b.prod, BUCKET, PII) };
    },
  },
  {
    name: 'drop the TLS 1.2 minimum (s3:TlsVersion deny) from the PII bucket policy',
    clause: '2.5', ruleId: 'DPP-2.5-S3MinimumTlsVersion',
    mutate: (b) => {
      edit(b.prod, BUCKET_POLICY, piiBucketPolicy(b.prod), dropStatementsTesting('s3:TlsVersion'));
      return { stack: 'prod', logicalId: only(b.prod, BUCKET, PII) };
    },
  },
  {
    name: 'lower the PII bucket\'s TLS minimum to 1.0, written in another letter case (NUMERICLESSTHAN / s3:tlsversion)',
    clause: '2.5', ruleId: 'DPP-2.5-S3MinimumTlsVersion',
    mutate: (b) => {
      edit(b.prod, BUCKET_POLICY, piiBucketPolicy(b.prod), (r) => {
        for (const statement of listAt(r, 'Properties.PolicyDocument.Statement') as Array<{ Condition?: Record<string, Record<string, unknown>> }>) {
          if (statement.Condition?.NumericLessThan) statement.Condition = { NUMERICLESSTHAN: { 's3:tlsversion': '1.0' } };
        }
      });
      return { stack: 'prod', logicalId: only(b.prod, BUCKET, PII) };
    },
  },
  {
    name: 'drop the TLS-deny statement from the security topic policy',
    clause: '2.5', ruleId: 'DPP-2.5-SnsDenyInsecureTransport',
    mutate: (b) => {
      edit(b.prod, 'AWS::SNS::TopicPolicy', undefined, dropStatementsTesting('aws:SecureTransport'));
      return { stack: 'prod', logicalId: only(b.prod, 'AWS::SNS::Topic', SECURITY_TOPIC) };
    },
  },
  {
    name: 'drop the statement that lets CloudWatch alarms publish from the security topic policy',
    clause: '3.6', ruleId: 'DPP-3.6-AlarmTopicAllowsCloudWatch',
    mutate: (b) => {
      edit(b.prod, 'AWS::SNS::TopicPolicy', undefined, dropStatementsTesting('aws:SourceArn'));
      return { stack: 'prod', logicalId: only(b.prod, 'AWS::SNS::Topic', SECURITY_TOPIC) };
    },
  },
  {
    name: 'remove rds.force_ssl from the cluster parameter group',
    clause: '2.5', ruleId: 'DPP-2.5-RdsForceSsl',
    mutate: (b) => {
      edit(b.prod, 'AWS::RDS::DBClusterParameterGroup', clusterParameterGroup(b.prod), (r) => deleteKey(r, 'Properties.Parameters', 'rds.force_ssl'));
      return { stack: 'prod', logicalId: only(b.prod, DB_CLUSTER) };
    },
  },
  {
    name: 'put the database cluster on the default parameter group',
    clause: '2.5', ruleId: 'DPP-2.5-RdsForceSsl',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, remove('Properties.DBClusterParameterGroupName')),
  },

  // DPP 2.7 Incident Response
  {
    name: 'remove the root-usage alarm\'s action',
    clause: '2.7', ruleId: 'DPP-2.7-AlarmHasAction',
    mutate: (b) => edit(b.prod, ALARM, (_r, id) => id.includes('RootAccountUsage'), remove('Properties.AlarmActions')),
  },
  {
    name: 'disable the actions of a security alarm (ActionsEnabled false)',
    clause: '2.7', ruleId: 'DPP-2.7-AlarmHasAction',
    mutate: (b) => editFirst(b.prod, ALARM, undefined, (r) => {
      r.Properties!.ActionsEnabled = false;
    }),
  },
  {
    name: 'remove the security topic\'s subscription',
    clause: '2.7', ruleId: 'DPP-2.7-SecurityTopicSubscribed',
    mutate: (b) => {
      const topic = only(b.prod, 'AWS::SNS::Topic', SECURITY_TOPIC);
      delete b.prod.template.Resources[only(b.prod, 'AWS::SNS::Subscription', referencing('TopicArn', topic))];
      return { stack: 'prod', logicalId: topic };
    },
  },

  // DPP 2.8 Request for Deletion or Return
  {
    name: 'remove the PII bucket\'s non-current version expiration',
    clause: '2.8', ruleId: 'DPP-2.8-PiiBucketNoncurrentExpiration',
    mutate: (b) => edit(b.prod, BUCKET, PII, remove('Properties.LifecycleConfiguration.Rules.0.NoncurrentVersionExpiration')),
  },

  // DPP 2.9 Data Attribution
  {
    name: 'remove the PII table\'s data-origin tag',
    clause: '2.9', ruleId: 'DPP-2.9-DataOriginTagged',
    mutate: (b) => edit(b.prod, TABLE, PII, (r) => removeTag(r, 'dpp:data-origin')),
  },
  {
    name: 'remove the PII bucket\'s classification tag',
    clause: '2.9', ruleId: 'DPP-2.9-ClassificationTagged',
    mutate: (b) => edit(b.prod, BUCKET, PII, (r) => removeTag(r, 'dpp:classification')),
  },
  {
    name: 'classify the database cluster with a value outside the vocabulary',
    clause: '2.9', ruleId: 'DPP-2.9-ClassificationTagged',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, (r) => setTag(r, 'dpp:classification', 'restricted')),
  },

  // DPP 3.1 Data Retention
  {
    name: 'remove the PII bucket\'s lifecycle expiration of current objects',
    clause: '3.1', ruleId: 'DPP-3.1-PiiBucketExpiration',
    mutate: (b) => edit(b.prod, BUCKET, PII, remove('Properties.LifecycleConfiguration.Rules.0.ExpirationInDays')),
  },
  {
    name: 'limit the PII bucket\'s retention rule to one prefix',
    clause: '3.1', ruleId: 'DPP-3.1-PiiBucketExpiration',
    mutate: (b) => edit(b.prod, BUCKET, PII, (r) => {
      setAt(r, 'Properties.LifecycleConfiguration.Rules.0.Prefix', 'orders/');
    }),
  },
  {
    name: 'turn off the PII table\'s Time to Live (point-in-time recovery stays on)',
    clause: '3.1', ruleId: 'DPP-3.1-PiiTableTtl',
    mutate: (b) => edit(b.prod, TABLE, PII, set('Properties.TimeToLiveSpecification.Enabled', false)),
  },
  {
    name: 'classify the flow log group pii',
    clause: '3.1', ruleId: 'DPP-3.1-NoPiiLogGroup',
    mutate: (b) => edit(b.prod, LOG_GROUP, flowLogGroup(b.prod), (r) => setTag(r, 'dpp:classification', 'pii')),
  },

  // DPP 3.3 Asset Management
  {
    name: 'remove the prod Config recorder',
    clause: '3.3', ruleId: 'DPP-3.3-ConfigRecorderPresent',
    mutate: (b) => {
      delete b.prod.template.Resources[only(b.prod, 'AWS::Config::ConfigurationRecorder')];
      return { stack: 'prod' };
    },
  },

  // DPP 3.4 Encryption at Rest
  {
    name: 'remove the PII bucket\'s default encryption',
    clause: '3.4', ruleId: 'DPP-3.4-S3BucketEncrypted',
    mutate: (b) => edit(b.prod, BUCKET, PII, remove('Properties.BucketEncryption')),
  },
  {
    name: 'encrypt the PII bucket with S3-managed keys (AES256) instead of the customer key',
    clause: '3.4', ruleId: 'DPP-3.4-S3PiiBucketCustomerKey',
    mutate: (b) => edit(b.prod, BUCKET, PII, set('Properties.BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault', { SSEAlgorithm: 'AES256' })),
  },
  {
    name: 'disable the database cluster\'s storage encryption',
    clause: '3.4', ruleId: 'DPP-3.4-RdsStorageEncrypted',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, set('Properties.StorageEncrypted', false)),
  },
  {
    name: 'encrypt the PII database cluster with the AWS-managed key (remove KmsKeyId)',
    clause: '3.4', ruleId: 'DPP-3.4-PiiDatabaseCustomerKey',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, remove('Properties.KmsKeyId')),
  },
  {
    name: 'remove the account password policy resource',
    clause: '2.4', ruleId: 'DPP-2.4-AccountPasswordPolicyPresent', level: 'warning',
    mutate: (b) => {
      delete b.prod.template.Resources[only(b.prod, PASSWORD_POLICY)];
      return { stack: 'prod' };
    },
  },
  {
    name: 'remove the PII table\'s server-side encryption',
    clause: '3.4', ruleId: 'DPP-3.4-DynamoDbTableEncrypted',
    mutate: (b) => edit(b.prod, TABLE, PII, remove('Properties.SSESpecification')),
  },
  {
    name: 'disable key rotation on the data key',
    clause: '3.4', ruleId: 'DPP-3.4-KmsKeyRotation',
    mutate: (b) => edit(b.prod, KEY, dataKey(b.prod), set('Properties.EnableKeyRotation', false)),
  },
  {
    name: 'grant another account key use in the data key\'s policy',
    clause: '3.4', ruleId: 'DPP-3.4-KmsKeyPolicyOwnAccount',
    mutate: (b) => edit(b.prod, KEY, dataKey(b.prod), addStatement(
      { Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Resource: '*' }, 'Properties.KeyPolicy.Statement')),
  },
  {
    name: 'remove the KMS key of the (confidential) flow log group',
    clause: '3.4', ruleId: 'DPP-3.4-SensitiveLogGroupKmsKey',
    mutate: (b) => edit(b.prod, LOG_GROUP, flowLogGroup(b.prod), remove('Properties.KmsKeyId')),
  },

  // DPP 3.5 Secure Coding Practices
  {
    name: 'put a literal password in a Lambda environment variable',
    clause: '3.5', ruleId: 'DPP-3.5-NoSecretInEnvironment',
    mutate: (b) => editFirst(b.prod, 'AWS::Lambda::Function', (r) => r.Properties?.Environment !== undefined, (r) => {
      setAt(r, 'Properties.Environment.Variables.DB_PASSWORD', 'correct-horse-battery-staple');
    }),
  },
  {
    name: 'write a literal MasterUserPassword on the database cluster',
    clause: '3.5', ruleId: 'DPP-3.5-NoHardcodedMasterPassword',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, set('Properties.MasterUserPassword', 'correct-horse-battery-staple')),
  },
  {
    name: 'write the console user\'s password literally',
    clause: '3.5', ruleId: 'DPP-3.5-NoHardcodedLoginPassword',
    setup: addConsoleUser,
    mutate: (b) => {
      setAt(consoleUser(b.prod), 'Properties.LoginProfile.Password', 'Welcome-2024!');
      return { stack: 'prod', logicalId: CONSOLE_USER };
    },
  },
  {
    name: 'give a NoEcho parameter a Default',
    clause: '3.5', ruleId: 'DPP-3.5-NoEchoParameterWithoutDefault',
    mutate: (b) => {
      b.prod.template.Parameters = { ...b.prod.template.Parameters, ApiToken: { Type: 'String', NoEcho: true, Default: 'tok-123456' } };
      return { stack: 'prod' };
    },
  },
  {
    name: 'deploy test into the prod account',
    clause: '3.5', ruleId: 'DPP-3.5-EnvironmentsInSeparateAccounts',
    mutate: (b) => {
      b.test.account = b.prod.account;
      return { stack: 'prod' };
    },
  },
  {
    name: 'make prod import an export of the test stack',
    clause: '3.5', ruleId: 'DPP-3.5-ProdDoesNotImportTest',
    mutate: (b) => {
      setAt(b.test.template, 'Outputs.VpcId.Export', { Name: 'DppBaseline-test-VpcId' });
      return editFirst(b.prod, 'AWS::EC2::SecurityGroup', undefined, set('Properties.VpcId', { 'Fn::ImportValue': 'DppBaseline-test-VpcId' }));
    },
  },

  // DPP 3.6 Logging and Monitoring
  {
    name: 'shorten the flow log group\'s retention to 30 days',
    clause: '3.6', ruleId: 'DPP-3.6-LogGroupRetention',
    mutate: (b) => edit(b.prod, LOG_GROUP, flowLogGroup(b.prod), set('Properties.RetentionInDays', 30)),
  },
  {
    name: 'turn off the trail\'s log file validation',
    clause: '3.6', ruleId: 'DPP-3.6-TrailLogFileValidation',
    mutate: (b) => edit(b.prod, TRAIL, AUDIT_TRAIL, set('Properties.EnableLogFileValidation', false)),
  },
  {
    name: 'stop the trail logging (IsLogging: false)',
    clause: '3.6', ruleId: 'DPP-3.6-TrailIsLogging',
    mutate: (b) => edit(b.prod, TRAIL, AUDIT_TRAIL, set('Properties.IsLogging', false)),
  },
  {
    name: 'remove the prod CloudTrail trail',
    clause: '3.6', ruleId: 'DPP-3.6-TrailPresent',
    mutate: (b) => {
      // Both: the management-event trail and the PII stores' data-events trail.
      for (const id of idsOf(b.prod, TRAIL)) delete b.prod.template.Resources[id];
      return { stack: 'prod' };
    },
  },
  {
    name: 'make the trail single-region',
    clause: '3.6', ruleId: 'DPP-3.6-TrailMultiRegion',
    mutate: (b) => edit(b.prod, TRAIL, AUDIT_TRAIL, set('Properties.IsMultiRegionTrail', false)),
  },
  {
    name: 'remove the trail\'s KMS key',
    clause: '3.6', ruleId: 'DPP-3.6-TrailEncrypted',
    mutate: (b) => edit(b.prod, TRAIL, AUDIT_TRAIL, remove('Properties.KMSKeyId')),
  },
  {
    name: 'stop the PII bucket\'s server access logging',
    clause: '3.6', ruleId: 'DPP-3.6-SensitiveBucketAccessLogging',
    mutate: (b) => edit(b.prod, BUCKET, PII, remove('Properties.LoggingConfiguration')),
  },

  // DPP 3.7 Vulnerability Management
  {
    name: 'set deletion protection false on the prod database cluster',
    clause: '3.7', ruleId: 'DPP-3.7-ProdDatabaseDeletionProtection',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, set('Properties.DeletionProtection', false)),
  },
  {
    name: 'set deletion protection false on the prod PII table',
    clause: '3.7', ruleId: 'DPP-3.7-ProdDatabaseDeletionProtection',
    mutate: (b) => edit(b.prod, TABLE, PII, set('Properties.DeletionProtectionEnabled', false)),
  },
  {
    name: 'keep database backups 1 day',
    clause: '3.7', ruleId: 'DPP-3.7-RdsBackupRetention',
    mutate: (b) => edit(b.prod, DB_CLUSTER, undefined, set('Properties.BackupRetentionPeriod', 1)),
  },
  {
    name: 'turn off automatic minor version upgrades on the database writer',
    clause: '3.7', ruleId: 'DPP-3.7-RdsAutoMinorVersionUpgrade',
    mutate: (b) => edit(b.prod, DB_INSTANCE, WRITER, set('Properties.AutoMinorVersionUpgrade', false)),
  },
  // Issue 15, the DPP in full: storage-layer logging.
  {
    name: 'remove the PII table\'s data-event selector from the data-events trail',
    clause: '3.6', ruleId: 'DPP-3.6-PiiStoreDataEvents',
    mutate: (b) => {
      const table = only(b.prod, TABLE, PII);
      edit(b.prod, TRAIL, withProperty('TrailName', 'dpp-pii-data-events'), (trail) => {
        const selectors = listAt(trail, 'Properties.AdvancedEventSelectors');
        selectors.splice(selectors.findIndex((s) => JSON.stringify(s).includes(table)), 1);
      });
      return { stack: 'prod', logicalId: table };
    },
  },
  {
    name: 'remove the account-level CloudWatch Logs data-protection policy',
    clause: '3.6', ruleId: 'DPP-3.6-LogGroupDataProtection', level: 'warning',
    mutate: (b) => {
      delete b.prod.template.Resources[only(b.prod, 'AWS::Logs::AccountPolicy')];
      return { stack: 'prod', logicalId: first(b.prod, LOG_GROUP) };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Known gaps: weakenings of the baseline no rule catches today. Each is reported to the
// integrator with the rule that should catch it; the test asserts they still pass unnoticed, so
// the rule that closes one fails that test and the entry moves to MUTATIONS.

export interface KnownGap {
  readonly name: string;
  readonly clause: string;
  /** The rule that would catch it, and why none does today. */
  readonly suggestion: string;
  readonly mutate: (baseline: Baseline) => void;
}

export const KNOWN_GAPS: readonly KnownGap[] = [];
