import { NoWildcardGrant } from '../../../../lib/checks/rules/2.3-least-privilege/no-wildcard-grant';
import { check, findingsOf, parameters, template, type Resources } from '../../../helpers/check';

const rule = NoWildcardGrant;
const doc = (...Statement: unknown[]) => ({ Version: '2012-10-17', Statement });
const policy = (document: unknown) => findingsOf(rule, { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', Roles: ['r'], PolicyDocument: document } } }, parameters('Res', 'Act'));
const ROOT = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] };
const key = (principal: unknown, action: unknown = 'kms:*'): Resources => ({ Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: '*' }) } } });

describe('DPP-2.3-NoWildcardGrant', () => {
  test('passes scoped statements, denies, and wildcards on named resources', () => {
    expect(policy(doc(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: { 'Fn::Sub': '${Bucket.Arn}/*' } },
      { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::my-bucket/*' },
      { Effect: 'Allow', Action: 'logs:*', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*' },
    ))).toEqual([]);
  });

  test('fails Action "*" on Resource "*", naming the document and statement', () => {
    const [finding, ...rest] = policy(doc({ Sid: 'Admin', Effect: 'Allow', Action: '*', Resource: '*' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.3-NoWildcardGrant', clause: '2.3', level: 'error', logicalId: 'P', property: 'PolicyDocument' });
    expect(finding.message).toMatch(/^PolicyDocument Admin allows "\*" on Resource "\*"\. Fix: /);
  });

  test.each(['iam:*', 'KMS:*', 's3:*', 'dynamodb:*', 'rds:*', 'secretsmanager:*', '*:*', 's*:*'])('fails %s on Resource "*"', (action) => {
    expect(policy(doc({ Effect: 'Allow', Action: ['sqs:SendMessage', action], Resource: ['arn:aws:sqs:::q', '*'] }))).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test('fails an Allow with NotAction, or with NotResource', () => {
    expect(policy(doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }))).toEqual([expect.objectContaining({ message: expect.stringMatching(/everything but its NotAction list/) })]);
    expect(policy(doc({ Effect: 'Allow', Action: 'iam:*', NotResource: 'arn:aws:iam::123456789012:role/x' }))).toHaveLength(1);
  });

  test('reads role inline policies, user and group policies, JSON-string documents and resource policies', () => {
    const admin = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
    const findings = check(template({
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: doc(), Policies: [{ PolicyName: 'a', PolicyDocument: doc() }, { PolicyName: 'b', PolicyDocument: admin }] } },
      Group: { Type: 'AWS::IAM::Group', Properties: { Policies: [{ PolicyName: 'a', PolicyDocument: admin }] } },
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: JSON.stringify(admin) } },
      RolePolicy: { Type: 'AWS::IAM::RolePolicy', Properties: { RoleName: 'r', PolicyName: 'p', PolicyDocument: admin } },
      Queue: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: ['q'], PolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sqs:*', Resource: '*' }) } },
      BucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: 'b', PolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*' }) } },
    }), [rule]);
    expect(findings.map((f) => `${f.logicalId}:${f.property}`).sort()).toEqual(['BucketPolicy:PolicyDocument', 'Group:Policies.0.PolicyDocument', 'Managed:PolicyDocument', 'Role:Policies.1.PolicyDocument', 'RolePolicy:PolicyDocument']);
  });

  test('exempts kms:* to the key\'s own account root, in any spelling', () => {
    for (const root of [ROOT, { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }, { Ref: 'AWS::AccountId' }, [ROOT]]) {
      expect(findingsOf(rule, key(root))).toEqual([]);
    }
    const literal = check([{ id: 'S', template: template(key('arn:aws:iam::123456789012:root')), account: '123456789012' }], [rule]);
    expect(literal).toEqual([]);
  });

  test('fails kms:* to another account, or "*" (not kms:*) to the root', () => {
    const other = check([{ id: 'S', template: template(key('arn:aws:iam::999999999999:root')), account: '123456789012' }], [rule]);
    expect(other).toEqual([expect.objectContaining({ level: 'error', logicalId: 'Key', property: 'KeyPolicy' })]);
    expect(findingsOf(rule, key(ROOT, '*'))).toEqual([expect.objectContaining({ level: 'error' })]);
    expect(findingsOf(rule, { ...key({ 'Fn::GetAtt': ['AdminRole', 'Arn'] }), AdminRole: { Type: 'AWS::IAM::Role' } })).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test('warns when the root account of a literal principal cannot be compared (environment-agnostic stack)', () => {
    expect(findingsOf(rule, key('arn:aws:iam::123456789012:root'))).toEqual([expect.objectContaining({ level: 'warning', property: 'KeyPolicy' })]);
  });

  test.each([
    ['Resource is a parameter', doc({ Effect: 'Allow', Action: 'iam:*', Resource: { Ref: 'Res' } })],
    ['Resource is Fn::If with a "*" branch', doc({ Effect: 'Allow', Action: '*', Resource: { 'Fn::If': ['Prod', 'arn:aws:s3:::b', '*'] } })],
    ['Action is a parameter', doc({ Effect: 'Allow', Action: { Ref: 'Act' }, Resource: '*' })],
    ['the statement list is an intrinsic', { Statement: { 'Fn::If': ['Prod', [], []] } }],
    ['the document is an intrinsic', { 'Fn::If': ['Prod', doc(), doc()] }],
    ['one statement is an intrinsic', doc({ 'Fn::If': ['Prod', { Effect: 'Allow', Action: '*', Resource: '*' }, { Ref: 'AWS::NoValue' }] })],
  ])('warns when %s', (_, document) => {
    expect(policy(document)).toEqual([expect.objectContaining({ level: 'warning', property: 'PolicyDocument', message: expect.stringMatching(/^cannot be verified at synth time: PolicyDocument/) })]);
  });

  test('passes an Fn::If whose branches are both named resources', () => {
    const resources: Resources = {
      B: { Type: 'AWS::S3::Bucket' },
      P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: { 'Fn::If': ['Prod', 'arn:aws:s3:::a', { 'Fn::GetAtt': ['B', 'Arn'] }] } }) } },
    };
    expect(findingsOf(rule, resources)).toEqual([]);
  });

  test('warns when Resource is an output of a custom resource (it can be anything, "*" included)', () => {
    const findings = findingsOf(rule, {
      Lookup: { Type: 'Custom::Lookup', Properties: { ServiceToken: 'arn:aws:lambda:eu-west-1:1:function:f' } },
      P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: doc({ Effect: 'Allow', Action: 'kms:*', Resource: { 'Fn::GetAtt': ['Lookup', 'Arn'] } }) } },
    });
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/output of Custom::Lookup Lookup/) })]);
  });
});
