import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3DenyInsecureTransport } from '../../../../lib/checks/rules/2.5-encryption-in-transit/s3-deny-insecure-transport';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const BUCKET_ARN = { 'Fn::GetAtt': ['Bucket', 'Arn'] };
const OBJECTS = { 'Fn::Join': ['', [BUCKET_ARN, '/*']] };

function denyStatement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 's3:*',
    Resource: [BUCKET_ARN, OBJECTS],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    ...overrides,
  };
}

function bucketWithPolicy(statement: unknown, policyExtra: Record<string, unknown> = {}): Resources {
  return {
    Bucket: { Type: 'AWS::S3::Bucket' },
    Policy: { Type: 'AWS::S3::BucketPolicy', ...policyExtra, Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Version: '2012-10-17', Statement: [statement] } } },
  } as Resources;
}

describe('DPP-2.5-S3DenyInsecureTransport', () => {
  test('passes a bucket whose policy denies every principal s3:* without TLS', () => {
    expect(findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement()))).toEqual([]);
  });

  test('passes the policy CDK writes for enforceSSL: true', () => {
    const stack = new Stack(new App(), 'S');
    new s3.Bucket(stack, 'Data', { enforceSSL: true });
    const findings = check(Template.fromStack(stack).toJSON(), [S3DenyInsecureTransport]);
    expect(findings).toEqual([]);
  });

  test('passes literal ARNs, a Principal of "*" and an Fn::Sub object ARN', () => {
    expect(findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement({ Principal: '*', Resource: 'arn:aws:s3:::my-bucket/*' })))).toEqual([]);
    expect(findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement({ Resource: { 'Fn::Sub': '${Bucket.Arn}/*' } })))).toEqual([]);
  });

  test('fails a bucket with no bucket policy, naming the problem and the fix', () => {
    const [finding, ...rest] = findingsOf(S3DenyInsecureTransport, { Bucket: { Type: 'AWS::S3::Bucket' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-S3DenyInsecureTransport', clause: '2.5', level: 'error', logicalId: 'Bucket' });
    expect(finding.message).toMatch(/no bucket policy.*aws:SecureTransport/);
    expect(finding.message).toMatch(/Fix: .*enforceSSL/);
  });

  test.each([
    ['an Allow statement only', { Effect: 'Allow' }],
    ['a deny on SecureTransport true', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }],
    ['a deny for one principal only', { Principal: { AWS: 'arn:aws:iam::111111111111:role/app' } }],
    ['a deny of writes only', { Action: 's3:PutObject' }],
    ['a deny on a key prefix only', { Resource: { 'Fn::Join': ['', [BUCKET_ARN, '/reports/*']] } }],
    ['a deny on the bucket but not its objects', { Resource: BUCKET_ARN }],
    ['a deny narrowed by another condition key', { Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '111111111111' } } }],
    ['a NotPrincipal deny', { Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' } }],
  ])('fails a bucket policy with %s', (_, overrides) => {
    const findings = findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement(overrides)));
    expect(findings).toEqual([expect.objectContaining({ level: 'error', logicalId: 'Bucket', message: expect.stringMatching(/bucket policy Policy does not deny/) })]);
  });

  test('passes a NotAction deny that still covers object reads and writes', () => {
    expect(findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement({ Action: undefined, NotAction: 's3:GetBucketLocation' })))).toEqual([]);
  });

  test.each([
    ['a policy document given by Fn::If', { 'Fn::If': ['IsProd', { Statement: [] }, { Statement: [] }] }],
    ['a SecureTransport value given by a parameter', { Version: '2012-10-17', Statement: [denyStatement({ Condition: { Bool: { 'aws:SecureTransport': { Ref: 'Secure' } } } })] }],
    ['a statement given by Fn::If', { Statement: [{ 'Fn::If': ['IsProd', denyStatement(), { Ref: 'AWS::NoValue' }] }] }],
  ])('warns on %s', (_, document) => {
    const resources: Resources = {
      Bucket: { Type: 'AWS::S3::Bucket' },
      Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: document } },
    };
    const findings = findingsOf(S3DenyInsecureTransport, resources, parameters('Secure'));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Policy\.PolicyDocument/) })]);
  });

  test('warns when the only covering policy exists under a condition', () => {
    const findings = findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement(), { Condition: 'IsProd' }));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/condition IsProd/) })]);
  });

  test('a policy of another bucket does not count', () => {
    const resources = { ...bucketWithPolicy(denyStatement()), Other: { Type: 'AWS::S3::Bucket' } };
    expect(findingsOf(S3DenyInsecureTransport, resources).map((f) => f.logicalId)).toEqual(['Other']);
  });
});

describe('DPP-2.5-S3DenyInsecureTransport: deny parts given by intrinsics', () => {
  test.each([
    ['Action', { Action: { Ref: 'Secure' } }],
    ['Principal', { Principal: { AWS: { Ref: 'Secure' } } }],
    ['Resource', { Resource: { Ref: 'Secure' } }],
  ])('warns when the %s of the deny is a parameter', (_, overrides) => {
    const findings = findingsOf(S3DenyInsecureTransport, bucketWithPolicy(denyStatement(overrides)), parameters('Secure'));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Policy\.PolicyDocument/) })]);
  });
});
