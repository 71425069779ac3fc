import { appDigest } from '../../lib/checks/app-digest';
import { RuleSet } from '../../lib/checks/engine';
import { dppRuleSet } from '../../lib/checks/rules';
import type { StackTemplate } from '../../lib/checks/template';
import { appRule } from '../../lib/checks/types';

const tags = [{ Key: 'dpp:environment', Value: 'prod' }, { Key: 'dpp:classification', Value: { Ref: 'Classification' } }];

const stack: StackTemplate = {
  id: 'prod.json',
  stackName: 'Prod',
  account: '555555555555',
  region: 'eu-west-1',
  template: {
    Metadata: { cdk_nag: { rules_to_suppress: [] } },
    Parameters: { Classification: { Type: 'String' } },
    Conditions: { Logging: { 'Fn::Equals': ['a', 'a'] } },
    Outputs: { Topic: { Value: { Ref: 'Topic' }, Export: { Name: 'alerts' } } },
    Resources: {
      Role: { Type: 'AWS::IAM::Role', Condition: 'Logging', Metadata: { 'aws:cdk:path': 'Prod/Role' }, Properties: { AssumeRolePolicyDocument: { Statement: [] }, Tags: tags } },
      Files: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true, FileSystemTags: tags } },
      Global: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { KeySchema: [], Replicas: [{ Region: 'eu-west-1', Tags: tags }, { 'Fn::If': ['Logging', {}, {}] }] } },
      Importer: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'x'.repeat(1000) }, Environment: { Variables: { TOPIC: { 'Fn::ImportValue': 'alerts' } } } } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'alerts', Tags: tags } },
      Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, AdvancedEventSelectors: [] } },
      NotAResource: { Properties: {} } as never,
    },
  },
};

describe('the digest of a template the app rules compare (lib/checks/app-digest.ts)', () => {
  const digest = appDigest(stack, dppRuleSet());

  test('keeps the stack\'s identity, parameters, conditions and outputs; not its metadata', () => {
    expect({ ...digest, template: undefined }).toEqual({ ...stack, template: undefined });
    const { Parameters, Conditions, Outputs } = stack.template;
    expect({ ...digest.template, Resources: undefined }).toEqual({ Parameters, Conditions, Mappings: undefined, Outputs, Resources: undefined });
  });

  test('keeps every resource\'s type, condition and tags, wherever its type keeps them; drops the rest', () => {
    const resources = digest.template.Resources!;
    expect(resources.Role).toEqual({ Type: 'AWS::IAM::Role', Condition: 'Logging', Properties: { Tags: tags } });
    expect(resources.Files).toEqual({ Type: 'AWS::EFS::FileSystem', Properties: { FileSystemTags: tags } });
    // A global table is a store PiiStoreDataEvents reads whole; without that rule only its replicas' tags stay.
    expect(resources.Global).toBe(stack.template.Resources!.Global);
    const withoutDataEvents = new RuleSet(dppRuleSet().rules.filter((r) => r.id !== 'DPP-3.6-PiiStoreDataEvents'));
    expect(appDigest(stack, withoutDataEvents).template.Resources!.Global).toEqual({ Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: [{ Tags: tags }, { 'Fn::If': ['Logging', {}, {}] }] } });
    expect(Object.keys(resources)).not.toContain('NotAResource');
  });

  test('keeps whole the resources of the types the app rules read, and those holding an Fn::ImportValue', () => {
    const resources = stack.template.Resources!;
    expect(digest.template.Resources!.Topic).toBe(resources.Topic);
    expect(digest.template.Resources!.Trail).toBe(resources.Trail);
    expect(digest.template.Resources!.Importer).toBe(resources.Importer);
  });

  test('every DPP app rule declares what it reads, so digests stay small', () => {
    expect(dppRuleSet().appRules.filter((r) => r.reads === undefined).map((r) => r.id)).toEqual([]);
  });

  test('a template stays whole when an app rule does not declare what it reads (a custom rule may read anything)', () => {
    const custom = appRule({ id: 'Custom-App', clause: '3.5', level: 'error', description: 'd', fix: 'f', explanation: 'e', check: () => [] });
    expect(appDigest(stack, new RuleSet([...dppRuleSet().rules, custom]))).toBe(stack);
  });
});
