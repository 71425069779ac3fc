import { NoPublicPrincipal } from '../../../../lib/checks/rules/2.3-least-privilege/no-public-principal';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = NoPublicPrincipal;
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const bucketPolicy = (...statements: unknown[]) => findingsOf(rule, { Bp: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: 'b', PolicyDocument: doc(...statements) } } }, parameters('Org', 'Who'));
const read = { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

describe('DPP-2.3-NoPublicPrincipal', () => {
  test('passes named principals, denies to everyone, and "*" restricted by organisation, account, source or network', () => {
    expect(bucketPolicy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/reader' }, ...read },
      { Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, ...read, Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::1:distribution/X' } } },
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Allow', Principal: '*', ...read, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } },
      { Effect: 'Allow', Principal: { AWS: '*' }, ...read, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } },
      { Effect: 'Allow', Principal: { AWS: ['*'] }, ...read, Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' } } } },
      { Effect: 'Allow', Principal: '*', ...read, Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } },
    )).toEqual([]);
  });

  test('fails Principal "*" with no condition, naming the statement', () => {
    const [finding, ...rest] = bucketPolicy({ Sid: 'Public', Effect: 'Allow', Principal: '*', ...read });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.3-NoPublicPrincipal', clause: '2.3', level: 'error', logicalId: 'Bp', property: 'PolicyDocument' });
    expect(finding.message).toMatch(/^PolicyDocument Public allows Principal "\*" with no condition restricting the caller/);
  });

  test.each([
    ['{"AWS": "*"} with only a transport condition', { Effect: 'Allow', Principal: { AWS: '*' }, ...read, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }],
    ['a negated condition', { Effect: 'Allow', Principal: '*', ...read, Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }],
    ['an IfExists condition', { Effect: 'Allow', Principal: '*', ...read, Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } }],
    ['a wildcard condition value', { Effect: 'Allow', Principal: '*', ...read, Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } } }],
    ['an open source IP', { Effect: 'Allow', Principal: '*', ...read, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }],
    ['an Allow with NotPrincipal', { Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::1:root' }, ...read }],
  ])('fails %s', (_, statement) => {
    expect(bucketPolicy(statement)).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test('fails a role trust policy open to everyone, and passes a service trust', () => {
    const trust = (Principal: unknown) => findingsOf(rule, { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' }) } } });
    expect(trust({ AWS: '*' })).toEqual([expect.objectContaining({ level: 'error', property: 'AssumeRolePolicyDocument' })]);
    expect(trust({ Service: 'lambda.amazonaws.com' })).toEqual([]);
  });

  test('reads key policies, queue and topic policies, and does not read identity policies', () => {
    const open = doc({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' });
    const findings = findingsOf(rule, {
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: open } },
      Q: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: ['q'], PolicyDocument: open } },
      T: { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: ['t'], PolicyDocument: open } },
      P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: open } },
    });
    expect(findings.map((f) => f.logicalId).sort()).toEqual(['Key', 'Q', 'T']);
  });

  test('fails a public Lambda permission, passes one scoped by source', () => {
    const permission = (extra: Record<string, unknown>) => findingsOf(rule, { Perm: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'f', Principal: '*', ...extra } } }, parameters('Who'));
    expect(permission({})).toEqual([expect.objectContaining({ level: 'error', property: 'Principal' })]);
    expect(permission({ SourceAccount: '123456789012' })).toEqual([]);
    expect(permission({ Principal: { Ref: 'Who' } })).toEqual([expect.objectContaining({ level: 'warning', property: 'Principal' })]);
  });

  test.each([
    ['the principal is a parameter', { Effect: 'Allow', Principal: { AWS: { Ref: 'Who' } }, ...read }],
    ['the condition is an intrinsic', { Effect: 'Allow', Principal: '*', ...read, Condition: { 'Fn::If': ['Prod', { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }, {}] } }],
    ['a wildcard-matching condition value is a parameter', { Effect: 'Allow', Principal: '*', ...read, Condition: { StringLike: { 'aws:PrincipalOrgID': { Ref: 'Org' } } } }],
  ])('warns when %s', (_, statement) => {
    expect(bucketPolicy(statement)).toEqual([expect.objectContaining({ level: 'warning', property: 'PolicyDocument', message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });
});
