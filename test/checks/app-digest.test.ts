import { appDigest } from '../../lib/checks/app-digest';
import { RuleSet } from '../../lib/checks/engine';
import { dppRuleSet } from '../../lib/checks/rules';
import type { StackTemplate } from '../../lib/checks/template';
import { appRule } from '../../lib/checks/types';

const tags = [{ Key: 'dpp:environment', Value: 'prod' }, { Key: 'dpp:classification', Value: { Ref: 'Classification' } }];
const stagingTags = [{ Key: 'dpp:data-origin', Value: 'internal' }, { Key: 'dpp:environment', Value: 'staging' }];

const stack: StackTemplate = {
  id: 'prod.json',
  stackName: 'Prod',
  account: '555555555555',
  region: 'eu-west-1',
  template: {
    Metadata: { cdk_nag: { rules_to_suppress: [] } },
    Parameters: { Classification: { Type: 'String' } },
    Conditions: { Logging: { 'Fn::Equals': ['a', 'a'] } },
    Outputs: {
      Topic: { Description: 'the topic', Value: { Ref: 'Topic' }, Export: { Name: 'alerts' } },
      KeyArn: { Value: { 'Fn::GetAtt': ['Key', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${Key}-arn' } } },
      VpcId: { Value: { Ref: 'Untagged' } },
      Imported: { Value: { 'Fn::ImportValue': 'shared' } },
    },
    Resources: {
      Role: { Type: 'AWS::IAM::Role', Condition: 'Logging', Metadata: { 'aws:cdk:path': 'Prod/Role' }, Properties: { AssumeRolePolicyDocument: { Statement: [] }, Tags: tags } },
      SameEnvironment: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] }, Tags: tags } },
      Untagged: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Files: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true, FileSystemTags: stagingTags } },
      Global: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { KeySchema: [], Replicas: [{ Region: 'eu-west-1', Tags: stagingTags }, { 'Fn::If': ['Logging', {}, {}] }] } },
      Importer: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'x'.repeat(1000) }, Environment: { Variables: { TOPIC: { 'Fn::ImportValue': 'alerts' } } } } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts', KmsMasterKeyId: { Ref: 'Key' }, Tags: tags } },
      Subscription: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' }, Protocol: 'email', Endpoint: 'a@example.org' } },
      Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: { Ref: 'TrailBucket' }, AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'resources.ARN', StartsWith: [{ 'Fn::GetAtt': ['Logs', 'Arn'] }] }] }] } },
      Logs: { Type: 'AWS::EC2::FlowLog', Properties: { Tags: tags } },
      TrailBucket: { Type: 'AWS::EC2::FlowLog', Properties: { Tags: tags } },
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: {}, Tags: tags } },
      NotAResource: { Properties: {} } as never,
    },
  },
};

describe('the digest of a template the app rules compare (lib/checks/app-digest.ts)', () => {
  const digest = appDigest(stack, dppRuleSet());
  const resources = digest.template.Resources!;

  test('keeps the stack\'s identity, parameters, conditions, exports and imports; not its metadata', () => {
    expect({ ...digest, template: undefined }).toEqual({ ...stack, template: undefined });
    const { Parameters, Conditions, Outputs } = stack.template;
    expect({ ...digest.template, Resources: undefined }).toEqual({
      Parameters, Conditions, Mappings: undefined, Resources: undefined,
      Outputs: { Topic: { Export: { Name: 'alerts' } }, KeyArn: { Export: { Name: { 'Fn::Sub': '${Key}-arn' } } }, Imported: (Outputs as Record<string, unknown>).Imported },
    });
  });

  test('keeps the resources the rules look at with the properties they declare, and those holding an Fn::ImportValue whole', () => {
    expect(resources.Topic).toEqual({ Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts', Tags: tags } });
    expect(resources.Subscription).toEqual({ Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'Topic' } } });
    expect(resources.Trail).toEqual({ Type: 'AWS::CloudTrail::Trail', Properties: { AdvancedEventSelectors: stack.template.Resources!.Trail.Properties!.AdvancedEventSelectors } });
    expect(resources.Importer.Properties).toBe(stack.template.Resources!.Importer.Properties);
  });

  test('keeps the first resource naming the environment, those naming another, and only their environment tags', () => {
    expect(resources.Role).toEqual({ Type: 'AWS::IAM::Role', Condition: 'Logging', Properties: { Tags: [tags[0]] } });
    expect(resources.Files).toEqual({ Type: 'AWS::EFS::FileSystem', Properties: { FileSystemTags: [stagingTags[1]] } });
    // A global table is a store PiiStoreDataEvents reads whole; without that rule only its replicas' environment tags stay.
    expect(resources.Global).toEqual({ Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: stack.template.Resources!.Global.Properties!.Replicas } });
    const withoutDataEvents = new RuleSet(dppRuleSet().rules.filter((r) => r.id !== 'DPP-3.6-PiiStoreDataEvents'));
    expect(appDigest(stack, withoutDataEvents).template.Resources!.Global).toEqual({ Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: [{ Tags: [stagingTags[1]] }, { 'Fn::If': ['Logging', {}, {}] }] } });
  });

  test('keeps what a kept resource or an export refers to (a reference stays one); drops what tells the rules nothing', () => {
    expect(resources.Logs).toEqual({ Type: 'AWS::EC2::FlowLog', Properties: { Tags: [tags[0]] } });
    expect(resources.Key).toEqual({ Type: 'AWS::KMS::Key', Properties: { Tags: [tags[0]] } });
    // The trail's bucket is not in a property the rules read; the VPC (only an output's value names it) and the second prod role say nothing new.
    expect(Object.keys(resources)).toEqual(['Role', 'Files', 'Global', 'Importer', 'Topic', 'Subscription', 'Trail', 'Logs', 'Key']);
  });

  test('every DPP app rule declares what it reads, so digests stay small', () => {
    expect(dppRuleSet().appRules.filter((r) => r.reads === undefined).map((r) => r.id)).toEqual([]);
  });

  test('a template stays whole when an app rule does not declare what it reads (a custom rule may read anything)', () => {
    const custom = appRule({ id: 'Custom-App', clause: '3.5', level: 'error', description: 'd', fix: 'f', explanation: 'e', check: () => [] });
    expect(appDigest(stack, new RuleSet([...dppRuleSet().rules, custom]))).toBe(stack);
  });
});
