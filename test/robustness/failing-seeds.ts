import type { CfnResource } from '../../lib/checks/template';

/**
 * One or more minimal templates per rule ID on which that rule fails. The robustness tests make
 * each value of a seed unknown in turn (a parameter, a condition, an attribute of a custom
 * resource) and assert the rule still reports something: an unknown value may turn an error into
 * a warning, never into silence. Prefer explicit wrong values to absent ones: only a value that is
 * present can be made unknown.
 *
 * Every rule of `ALL_RULES` needs an entry here (the coverage test lists the missing ones). The
 * seeds are checked as one stack of the account {@link SEED_ACCOUNT} in {@link SEED_REGION}.
 */
export interface FailingSeed {
  /** The logical ID the rule must report on (resource rules), or a resource of the stack it reports on (app rules). */
  readonly target: string;
  readonly resources: Readonly<Record<string, CfnResource>>;
}

export const SEED_ACCOUNT = '111111111111';
export const SEED_REGION = 'eu-west-1';
/** An account that is not the seed stack's own. */
const OTHER_ACCOUNT = '999999999999';

/** A tag list in CloudFormation's list form. */
function tags(pairs: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.entries(pairs).map(([Key, Value]) => ({ Key, Value }));
}

const PII = tags({ 'dpp:classification': 'pii', 'dpp:data-origin': 'ecartapi' });
const CONFIDENTIAL = tags({ 'dpp:classification': 'confidential', 'dpp:data-origin': 'internal' });

function bucketEncryption(algorithm: string, key?: string): Record<string, unknown> {
  return {
    ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, ...(key ? { KMSMasterKeyID: key } : {}) } }],
  };
}

const DATA_SUBNET: CfnResource = {
  Type: 'AWS::EC2::Subnet',
  Properties: { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.3.0/24', MapPublicIpOnLaunch: false, Tags: tags({ 'dpp:network-tier': 'data' }) },
};

const one = (type: string, properties: Record<string, unknown>): Readonly<Record<string, CfnResource>> => ({ Target: { Type: type, Properties: properties } });

export const FAILING_SEEDS: Readonly<Record<string, readonly FailingSeed[]>> = {
  // DPP 2.1 Network Protection
  'DPP-2.1-DataSubnetNoPublicIp': [
    { target: 'Target', resources: one('AWS::EC2::Subnet', { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.3.0/24', MapPublicIpOnLaunch: true, Tags: tags({ 'dpp:network-tier': 'data' }) }) },
  ],
  'DPP-2.1-DataTierInstanceNoPublicIp': [
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-12345678', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true, SubnetId: { Ref: 'DataSubnet' } }] } },
      },
    },
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-12345678', SubnetId: { Ref: 'DataSubnet' } } },
        Address: { Type: 'AWS::EC2::EIP', Properties: { InstanceId: { Ref: 'Target' } } },
      },
    },
  ],
  'DPP-2.1-DataTierLaunchTemplateNoPublicIp': [
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, SubnetId: { Ref: 'DataSubnet' } }] } } },
      },
    },
    {
      target: 'Target',
      resources: {
        DataSubnet: DATA_SUBNET,
        Target: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-12345678', InstanceType: 't3.micro', AssociatePublicIpAddress: true } },
        Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '1', LaunchConfigurationName: { Ref: 'Target' }, VPCZoneIdentifier: [{ Ref: 'DataSubnet' }] } },
      },
    },
  ],
  'DPP-2.1-NotPubliclyAccessible': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: true, PubliclyAccessible: true }) },
    { target: 'Target', resources: one('AWS::Redshift::Cluster', { NodeType: 'ra3.xlplus', Encrypted: true, PubliclyAccessible: 'true' }) },
    { target: 'Target', resources: one('AWS::DMS::ReplicationInstance', { ReplicationInstanceClass: 'dms.t3.micro', PubliclyAccessible: true }) },
  ],
  'DPP-2.1-S3BlockPublicAccess': [
    {
      target: 'Target',
      resources: one('AWS::S3::Bucket', { PublicAccessBlockConfiguration: { BlockPublicAcls: false, BlockPublicPolicy: false, IgnorePublicAcls: false, RestrictPublicBuckets: false } }),
    },
  ],
  'DPP-2.1-S3NoPublicAcl': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { AccessControl: 'PublicRead' }) },
  ],
  'DPP-2.1-SecurityGroupNoOpenIngress': [
    {
      target: 'Target',
      resources: one('AWS::EC2::SecurityGroup', { GroupDescription: 'ssh', VpcId: 'vpc-0123456789abcdef0', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] }),
    },
    { target: 'Target', resources: one('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0123456789abcdef0', IpProtocol: '-1', CidrIpv6: '::/0' }) },
    {
      target: 'Target',
      resources: one('AWS::EC2::SecurityGroup', { GroupDescription: 'web', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }] }),
    },
  ],

  // DPP 3.4 Encryption at Rest
  'DPP-3.4-S3BucketEncrypted': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketEncryption: bucketEncryption('none') }) },
  ],
  'DPP-3.4-S3PiiBucketCustomerKey': [
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketEncryption: bucketEncryption('AES256'), Tags: PII }) },
    { target: 'Target', resources: one('AWS::S3::Bucket', { BucketEncryption: bucketEncryption('aws:kms', 'alias/aws/s3'), Tags: PII }) },
  ],
  'DPP-3.4-RdsStorageEncrypted': [
    { target: 'Target', resources: one('AWS::RDS::DBInstance', { Engine: 'postgres', DBInstanceClass: 'db.t3.micro', StorageEncrypted: false }) },
    { target: 'Target', resources: one('AWS::RDS::DBCluster', { Engine: 'aurora-postgresql', StorageEncrypted: 'false' }) },
  ],
  'DPP-3.4-DynamoDbTableEncrypted': [
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST', SSESpecification: { SSEEnabled: false } }) },
    { target: 'Target', resources: one('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/aws/dynamodb' }, Tags: PII }) },
    {
      target: 'Target',
      resources: one('AWS::DynamoDB::GlobalTable', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [{ Region: SEED_REGION, Tags: PII, SSESpecification: { KMSMasterKeyId: 'alias/aws/dynamodb' } }],
      }),
    },
  ],
  'DPP-3.4-EfsFileSystemEncrypted': [
    { target: 'Target', resources: one('AWS::EFS::FileSystem', { Encrypted: false, PerformanceMode: 'generalPurpose' }) },
  ],
  'DPP-3.4-EbsVolumeEncrypted': [
    { target: 'Target', resources: one('AWS::EC2::Volume', { AvailabilityZone: 'eu-west-1a', Size: 8, Encrypted: false }) },
    { target: 'Target', resources: one('AWS::EC2::Instance', { ImageId: 'ami-12345678', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, Encrypted: false } }] }) },
    { target: 'Target', resources: one('AWS::EC2::LaunchTemplate', { LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, Encrypted: 'false' } }] } }) },
  ],
  'DPP-3.4-ElastiCacheAtRestEncrypted': [
    { target: 'Target', resources: one('AWS::ElastiCache::ReplicationGroup', { ReplicationGroupDescription: 'cache', AtRestEncryptionEnabled: false }) },
  ],
  'DPP-3.4-OpenSearchEncryptedAtRest': [
    { target: 'Target', resources: one('AWS::OpenSearchService::Domain', { EncryptionAtRestOptions: { Enabled: false } }) },
    { target: 'Target', resources: one('AWS::Elasticsearch::Domain', { EncryptionAtRestOptions: { Enabled: 'false' } }) },
  ],
  'DPP-3.4-RedshiftClusterEncrypted': [
    { target: 'Target', resources: one('AWS::Redshift::Cluster', { NodeType: 'ra3.xlplus', PubliclyAccessible: false, Encrypted: false }) },
  ],
  'DPP-3.4-KinesisStreamEncrypted': [
    { target: 'Target', resources: one('AWS::Kinesis::Stream', { ShardCount: 1, StreamEncryption: { EncryptionType: 'NONE' } }) },
  ],
  'DPP-3.4-SnsPiiTopicKmsKey': [
    { target: 'Target', resources: one('AWS::SNS::Topic', { TopicName: 'orders', KmsMasterKeyId: '', Tags: PII }) },
  ],
  'DPP-3.4-SqsPiiQueueKmsKey': [
    { target: 'Target', resources: one('AWS::SQS::Queue', { SqsManagedSseEnabled: true, Tags: PII }) },
  ],
  'DPP-3.4-SensitiveLogGroupKmsKey': [
    { target: 'Target', resources: one('AWS::Logs::LogGroup', { RetentionInDays: 90, Tags: CONFIDENTIAL }) },
  ],
  'DPP-3.4-BackupVaultKmsKey': [
    { target: 'Target', resources: one('AWS::Backup::BackupVault', { BackupVaultName: 'vault', BackupVaultTags: { 'dpp:classification': 'pii' } }) },
  ],
  'DPP-3.4-KmsKeyRotation': [
    { target: 'Target', resources: one('AWS::KMS::Key', { KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS', EnableKeyRotation: false }) },
  ],
  'DPP-3.4-KmsKeySpecStrength': [
    { target: 'Target', resources: one('AWS::KMS::Key', { KeySpec: 'RSA_1024', KeyUsage: 'ENCRYPT_DECRYPT' }) },
  ],
  'DPP-3.4-KmsKeyPolicyOwnAccount': [
    {
      target: 'Target',
      resources: one('AWS::KMS::Key', {
        EnableKeyRotation: true,
        KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: 'kms:Decrypt', Resource: '*' }] },
      }),
    },
    {
      target: 'Target',
      resources: one('AWS::KMS::Key', {
        EnableKeyRotation: true,
        KeyPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:Encrypt'], Resource: '*' }] },
      }),
    },
  ],
};
