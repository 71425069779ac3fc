import { App, Stack, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ClassificationTagged } from '../../../../lib/checks/rules/2.9-data-attribution/classification-tagged';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const tagged = (type: string, value: unknown): Resources => ({ Store: { Type: type, Properties: { Tags: [{ Key: 'dpp:classification', Value: value }] } } });

describe('DPP-2.9-ClassificationTagged', () => {
  test.each(['pii', 'confidential', 'internal', 'public'])('passes a store classified %s', (value) => {
    expect(findingsOf(ClassificationTagged, tagged('AWS::DynamoDB::Table', value))).toEqual([]);
  });

  test('passes stores CDK tags with Tags.of(), including EFS and a TableV2 global table', () => {
    const stack = new Stack(new App(), 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    new efs.FileSystem(stack, 'Files', { vpc });
    new dynamodb.TableV2(stack, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, replicas: [{ region: 'eu-central-1' }] });
    Tags.of(stack).add('dpp:classification', 'pii');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EFS::FileSystem', 1);
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    expect(check(template.toJSON(), [ClassificationTagged])).toEqual([]);
  });

  test('fails a data store without a classification', () => {
    const [finding, ...rest] = findingsOf(ClassificationTagged, { Domain: { Type: 'AWS::OpenSearchService::Domain' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.9-ClassificationTagged', clause: '2.9', level: 'error', logicalId: 'Domain', property: 'Tags' });
    expect(finding.message).toMatch(/has no dpp:classification tag/);
  });

  test.each(['secret', 'PII', ''])('fails a classification outside the vocabulary (%p)', (value) => {
    expect(findingsOf(ClassificationTagged, tagged('AWS::Redshift::Cluster', value))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining(`is "${value}", not one of pii, confidential, internal, public`) }),
    ]);
  });

  test('reads the classification from a map of tags too', () => {
    expect(findingsOf(ClassificationTagged, { Store: { Type: 'AWS::S3::Bucket', Properties: { Tags: { 'dpp:classification': 'public' } } } } as Resources)).toEqual([]);
  });

  test.each([
    ['a parameter', { Ref: 'Class' }],
    ['Fn::If', { 'Fn::If': ['IsProd', 'pii', 'internal'] }],
  ])('warns when the classification is %s', (_, value) => {
    expect(findingsOf(ClassificationTagged, tagged('AWS::S3::Bucket', value), parameters('Class'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Tags.dpp:classification/) }),
    ]);
  });

  test('warns when global-table replicas are given by an intrinsic', () => {
    const resources: Resources = { Orders: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: { 'Fn::If': ['Multi', [], []] } } } };
    expect(findingsOf(ClassificationTagged, resources)).toEqual([expect.objectContaining({ level: 'warning', property: 'Replicas.dpp:classification' })]);
  });
});
