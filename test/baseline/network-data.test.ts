import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BaselineStack } from '../../lib/baseline/baseline-stack';
import { addNetworkAndData } from '../../lib/baseline/network-data';
import { validateConfig, type DppConfig, type EnvironmentConfig } from '../../lib/config';
import { acknowledgmentsOf, dppFindings } from '../constructs/fixtures';

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8'));
const defaultConfig: DppConfig = validateConfig({ value: cdkJson.context.dpp, origin: '' });

/** The parts this wiring adds, by construct ID under the stack. */
const PARTS = ['Keys', 'Network', 'Database', 'PiiBucket', 'PiiTable'];

describe('addNetworkAndData in the default baseline', () => {
  let app: App;
  const templates = {} as Record<'test' | 'prod', Template>;
  beforeAll(() => {
    app = new App({ builtinCloudFormationValidation: false });
    const stacks = (['test', 'prod'] as const).map((name) => [name, new BaselineStack(app, `DppBaseline-${name}`, { environmentName: name, config: defaultConfig.environments[name] })] as const);
    for (const [name, stack] of stacks) templates[name] = Template.fromStack(stack);
  });

  test.each(['test', 'prod'] as const)('%s: a segmented VPC with an ACL on every subnet, flow logs and endpoints', (name) => {
    const template = templates[name];
    const zones = defaultConfig.environments[name].availabilityZones.length;
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: name === 'test' ? '10.10.0.0/16' : '10.20.0.0/16', Tags: Match.arrayWith([{ Key: 'dpp:segmented', Value: 'true' }]) });
    template.resourceCountIs('AWS::EC2::Subnet', 3 * zones);
    template.resourceCountIs('AWS::EC2::SubnetNetworkAclAssociation', 3 * zones);
    template.resourceCountIs('AWS::EC2::NetworkAcl', 3);
    template.hasResourceProperties('AWS::EC2::NetworkAclEntry', { CidrBlock: defaultConfig.environments[name].approvedCidrs[0], PortRange: { From: 443, To: 443 }, Egress: false });
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', ResourceType: 'VPC' });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 6);
    template.resourceCountIs('AWS::EC2::NatGateway', name === 'prod' ? zones : 1);
  });

  test.each(['test', 'prod'] as const)('%s: rotated customer keys; the TLS-only encrypted database; the 30-day PII bucket and the PII table', (name) => {
    const template = templates[name];
    for (const purpose of ['data', 'logs', 'secrets']) template.hasResourceProperties('AWS::KMS::Alias', { AliasName: `alias/dpp/${name}/${purpose}` });
    const keys = Object.entries(template.findResources('AWS::KMS::Key')).filter(([id]) => id.startsWith('Keys'));
    expect(keys.map(([, k]) => k.Properties.EnableKeyRotation)).toEqual([true, true, true]);
    template.hasResourceProperties('AWS::RDS::DBCluster', { DBClusterIdentifier: `dpp-${name}-database`, StorageEncrypted: true, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysData'), 'Arn'] } });
    template.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Parameters: Match.objectLike({ 'rds.force_ssl': '1' }) });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 30 })]) },
      Tags: Match.arrayWith([{ Key: 'dpp:classification', Value: 'pii' }]),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'DenyObjectRequestsOutsideVpcEndpoints', Condition: Match.objectLike({ StringNotEquals: { 'aws:SourceVpce': [{ Ref: Match.stringLikeRegexp('^NetworkVpcS3Endpoint') }] } }) })]) },
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true }, SSESpecification: Match.objectLike({ SSEType: 'KMS' }) });
  });

  test('prod keeps its stores: deletion protection, snapshot or retain, a database standby', () => {
    const prod = templates.prod;
    prod.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Snapshot', Properties: Match.objectLike({ DeletionProtection: true }) });
    prod.resourceCountIs('AWS::RDS::DBInstance', 2);
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtectionEnabled: true }) });
    expect(Object.values(prod.findResources('AWS::S3::Bucket')).filter((b) => JSON.stringify(b.Properties.Tags).includes('"pii"')).map((b) => b.DeletionPolicy)).toEqual(['Retain']);
    expect(Object.entries(prod.findResources('AWS::KMS::Key')).filter(([id]) => id.startsWith('Keys')).map(([, k]) => [k.DeletionPolicy, k.Properties.PendingWindowInDays])).toEqual([['RetainExceptOnCreate', 30], ['RetainExceptOnCreate', 30], ['RetainExceptOnCreate', 30]]);
  });

  test('test can be torn down: no deletion protection, destroy policies, one database instance', () => {
    const test = templates.test;
    test.hasResource('AWS::RDS::DBCluster', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtection: false }) });
    test.resourceCountIs('AWS::RDS::DBInstance', 1);
    test.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
    expect(Object.entries(test.findResources('AWS::KMS::Key')).filter(([id]) => id.startsWith('Keys')).map(([, k]) => [k.DeletionPolicy, k.Properties.PendingWindowInDays])).toEqual([['Delete', 7], ['RetainExceptOnCreate', 7], ['Delete', 7]]);
  });

  test('outputs name what an application needs', () => {
    const outputs = templates.prod.toJSON().Outputs;
    for (const id of ['VpcId', 'PublicSubnetIds', 'ApplicationSubnetIds', 'DataSubnetIds', 'DatabaseEndpoint', 'DatabasePort', 'DatabaseSecretArn', 'PiiBucketName', 'PiiTableName', 'DataKeyArn']) {
      expect(outputs[id]).toEqual(expect.objectContaining({ Value: expect.anything(), Description: expect.any(String) }));
    }
    expect(outputs.DataSubnetIds.Value).toEqual({ 'Fn::Join': [',', [{ Ref: expect.stringMatching(/^NetworkVpcdataSubnet1/) }, { Ref: expect.stringMatching(/^NetworkVpcdataSubnet2/) }, { Ref: expect.stringMatching(/^NetworkVpcdataSubnet3/) }]] });
  });

  test('the DPP pack finds nothing open on the network and data parts, and only the NAT return path acknowledged', () => {
    const { open, acknowledged } = dppFindings(app);
    const ours = (p: string | undefined) => PARTS.some((part) => p?.split('/')[1] === part);
    expect(open.filter((f) => ours(f.path)).map((f) => `${f.severity} ${f.rule} ${f.path}: ${f.description}`)).toEqual([]);
    expect(acknowledged.filter((f) => ours(f.path)).map((f) => `${f.rule} ${f.path}`)).toEqual([
      'DPP-2.1-NetworkAclOpenIngress DppBaseline-test/Network/ApplicationAcl/In120/Resource',
      'DPP-2.1-NetworkAclOpenIngress DppBaseline-prod/Network/ApplicationAcl/In120/Resource',
    ]);
  });
});

describe('addNetworkAndData configuration', () => {
  const withConfig = (environment: 'test' | 'prod', overrides: Partial<EnvironmentConfig>) => {
    const app = new App({ builtinCloudFormationValidation: false });
    const config = { ...defaultConfig.environments[environment], vpcCidr: undefined, ...overrides };
    const stack = new Stack(app, 'Env', { env: { account: config.account, region: config.region } });
    const parts = addNetworkAndData(stack, { name: environment, kind: environment }, config);
    return { template: Template.fromStack(stack), parts };
  };

  test('without vpcCidr each environment gets its default block; other ports and retentions flow through', () => {
    const { template } = withConfig('test', { applicationPort: 9443, databasePort: 5433, logRetentionDays: 100 });
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.10.0.0/16' });
    template.hasResourceProperties('AWS::EC2::NetworkAclEntry', { PortRange: { From: 9443, To: 9443 } });
    template.hasResourceProperties('AWS::RDS::DBCluster', { Port: 5433 });
    // 100 days is not a CloudWatch Logs step: the next one up, 120, keeps logs at least as long.
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 120 });
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'LogRetention', ExpirationInDays: 100 })]) } });
    withConfig('prod', {}).template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.20.0.0/16' });
  });

  test('a longer PII retention with its legal basis reaches the bucket and its acknowledgment', () => {
    const { template, parts } = withConfig('prod', { piiRetentionDays: 365, legalBasis: 'Tax code art. 12: invoices kept one year' });
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Id: 'PiiRetention', ExpirationInDays: 365 })]) } });
    expect(acknowledgmentsOf(parts.piiBucket.bucket)['DPP::DPP-3.1-PiiBucketExpiration']).toMatch(/Tax code art\. 12/);
  });
});
