import { ScopedWriteActions } from '../../../../lib/checks/rules/2.3-least-privilege/scoped-write-actions';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = ScopedWriteActions;
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const policy = (...statements: unknown[]) => findingsOf(rule, { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: doc(...statements) } } }, parameters('Res'));

describe('DPP-2.3-ScopedWriteActions', () => {
  test('passes read-only actions on "*", writes on named resources, and actions that accept no resource', () => {
    expect(policy(
      { Effect: 'Allow', Action: ['ec2:Describe*', 's3:GetObject', 's3:ListBucket', 'dynamodb:Query', 'logs:get*'], Resource: '*' },
      { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::b/*' },
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'cloudwatch:PutMetricData'], Resource: '*' },
    )).toEqual([]);
  });

  test('warns (warning level) on write actions on Resource "*", listing them', () => {
    const [finding, ...rest] = policy({ Sid: 'Writes', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage', 's3:*Object'], Resource: '*' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.3-ScopedWriteActions', clause: '2.3', level: 'warning', logicalId: 'P', property: 'PolicyDocument' });
    expect(finding.message).toMatch(/^PolicyDocument Writes allows write actions s3:putobject, sqs:sendmessage, s3:\*object on Resource "\*"\. Fix: /);
  });

  test('leaves administrator wildcards to DPP-2.3-NoWildcardGrant, and resource policies alone', () => {
    expect(policy({ Effect: 'Allow', Action: ['*', 'iam:*'], Resource: '*' })).toEqual([]);
    expect(findingsOf(rule, { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:role/app' }, Action: 'kms:Encrypt', Resource: '*' }) } } })).toEqual([]);
  });

  test('gives a warning naming the property when the resource is an intrinsic', () => {
    expect(policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { Ref: 'Res' } })).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: PolicyDocument/) })]);
  });
});
