import { PiiStoreDataEvents } from '../../../../lib/checks/rules/3.6-logging-monitoring/pii-store-data-events';
import type { StackTemplate } from '../../../../lib/checks/template';
import { check, template } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const tags = (environment: string, classification = 'pii') => [{ Key: 'dpp:environment', Value: environment }, { Key: 'dpp:classification', Value: classification }];
const bucket = (environment = 'prod', extra: Record<string, unknown> = {}) => ({ Type: 'AWS::S3::Bucket', Properties: { Tags: tags(environment), ...extra } });
const table = (environment = 'prod') => ({ Type: 'AWS::DynamoDB::Table', Properties: { Tags: tags(environment) } });
const selector = (type: string, arn: Record<string, unknown> | undefined, extra: unknown[] = []) => ({
  FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: [type] }, ...(arn ? [{ Field: 'resources.ARN', ...arn }] : []), ...extra],
});
const trail = (selectors: unknown[], extra: Record<string, unknown> = {}) => ({ Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, AdvancedEventSelectors: selectors }, ...extra });
const bucketObjects = (id: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/']] });
const stack = (id: string, resources: Record<string, unknown>, extra = {}): StackTemplate => ({ id, stackName: id, template: template(resources as never, extra) });
const run = (...stacks: StackTemplate[]) => check(stacks, [PiiStoreDataEvents]);

describe('DPP-3.6-PiiStoreDataEvents', () => {
  test('passes when a trail of the environment selects the PII bucket and table by reference (what PiiDataEvents writes)', () => {
    expect(run(stack('Prod', {
      Bucket: bucket(), Table: table(),
      Trail: trail([
        selector('AWS::S3::Object', { StartsWith: [bucketObjects('Bucket')] }),
        selector('AWS::DynamoDB::Table', { Equals: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] }),
      ]),
    }))).toEqual([]);
  });

  test('passes with the legacy EventSelectors DataResources (CDK addS3EventSelector) and for a trail in another stack naming the bucket literally', () => {
    expect(run(stack('Prod', { Bucket: bucket(), Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { EventSelectors: [{ ReadWriteType: 'All', DataResources: [{ Type: 'AWS::S3::Object', Values: [bucketObjects('Bucket')] }] }] } } }))).toEqual([]);
    expect(run(
      stack('ProdData', { Bucket: bucket('prod', { BucketName: 'orders-pii' }), T: { Type: 'AWS::SNS::Topic', Properties: { Tags: tags('prod', 'internal') } } }),
      stack('ProdAudit', { T: { Type: 'AWS::SNS::Topic', Properties: { Tags: tags('prod', 'internal') } }, Trail: trail([selector('AWS::S3::Object', { StartsWith: ['arn:aws:s3:::orders-pii/'] })]) }),
    )).toEqual([]);
  });

  test('passes a selector with no ARN condition (every object of the account) and ignores stores not classified pii', () => {
    expect(run(stack('Prod', { Bucket: bucket(), Trail: trail([selector('AWS::S3::Object', undefined)]) }))).toEqual([]);
    expect(run(stack('Prod', { Logs: { Type: 'AWS::S3::Bucket', Properties: { Tags: tags('prod', 'internal') } } }))).toEqual([]);
  });

  test('fails a PII table that no trail selects, naming the environment', () => {
    const findings = run(stack('Prod', { Bucket: bucket(), Table: table(), Trail: trail([selector('AWS::S3::Object', { StartsWith: [bucketObjects('Bucket')] })]) }));
    expectOneFailure(findings, PiiStoreDataEvents, 'Table', /PII table Table is not covered by a data-event selector of any trail in environment prod/);
  });

  test('fails a PII bucket whose only trail is in the other environment', () => {
    const findings = run(stack('Test', { Bucket: bucket('test', { BucketName: 'b' }) }), stack('Prod', { Trail: trail([selector('AWS::S3::Object', { StartsWith: ['arn:aws:s3:::b/'] })]), T: table('prod') }));
    expect(findings.map((f) => [f.templateId, f.logicalId])).toEqual([['Test', 'Bucket'], ['Prod', 'T']]);
  });

  test('fails a bucket covered only by a narrowed selector (reads only), saying so', () => {
    const readOnly = selector('AWS::S3::Object', { StartsWith: [bucketObjects('Bucket')] }, [{ Field: 'readOnly', Equals: ['true'] }]);
    expectOneFailure(run(stack('Prod', { Bucket: bucket(), Trail: trail([readOnly]) })), PiiStoreDataEvents, 'Bucket', /narrowed selectors log only part of its events: Trail selector 0 \(readOnly\)/);
  });

  test('warns when the selected ARNs come from a parameter, and when the covering trail is under a Condition', () => {
    const fromParameter = stack('Prod', { Bucket: bucket(), Trail: trail([selector('AWS::S3::Object', { StartsWith: [{ Ref: 'BucketArn' }] })]) }, { Parameters: { BucketArn: { Type: 'String' } } });
    expectOneUnresolvable(run(fromParameter), 'AdvancedEventSelectors');
    const conditional = stack('Prod', { Bucket: bucket(), Trail: trail([selector('AWS::S3::Object', undefined)], { Condition: 'Logging' }) });
    expectOneUnresolvable(run(conditional), 'Condition');
  });

  test('warns when the classification of a store is given by Fn::If', () => {
    const tagged = { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dpp:environment', Value: 'prod' }, { Key: 'dpp:classification', Value: { 'Fn::If': ['IsPii', 'pii', 'internal'] } }] } };
    expectOneUnresolvable(run(stack('Prod', { Bucket: tagged })), 'Tags.dpp:classification');
  });
});
