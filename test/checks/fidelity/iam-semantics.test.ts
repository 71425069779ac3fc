import * as fc from 'fast-check';
import { checkStacks, RuleSet } from '../../../lib/checks/engine';
import { actionMatches, conditionTests } from '../../../lib/checks/lookups/policy-document';
import { ConsoleUserMfaGroup } from '../../../lib/checks/rules/2.2-access-management/console-user-mfa-group';
import { NoPublicPrincipal } from '../../../lib/checks/rules/2.3-least-privilege/no-public-principal';
import { ConsoleGroupMfa } from '../../../lib/checks/rules/2.4-credential-management/console-group-mfa';
import { S3DenyInsecureTransport } from '../../../lib/checks/rules/2.5-encryption-in-transit/s3-deny-insecure-transport';
import { SnsDenyInsecureTransport } from '../../../lib/checks/rules/2.5-encryption-in-transit/sns-deny-insecure-transport';
import { SqsDenyInsecureTransport } from '../../../lib/checks/rules/2.5-encryption-in-transit/sqs-deny-insecure-transport';
import { KmsKeyPolicyOwnAccount } from '../../../lib/checks/rules/3.4-encryption-at-rest/kms-key-policy-own-account';
import { parseTemplate } from '../../../lib/loading';
import type { Rule } from '../../../lib/checks/types';

/**
 * IAM semantics as IAM evaluates them, and references written as literals, on templates written
 * the way teams write them (YAML with short-form tags, and JSON): compliant forms pass, violating
 * forms fail (CONTROLS.md 2.3, 2.5).
 */

function findings(text: string, rules: readonly Rule[], account?: string) {
  const { template } = parseTemplate(text, 'inline.yaml');
  return checkStacks(new RuleSet(rules), [{ id: 'T', stackName: 'T', account, template }]).findings.map((f) => ({ ruleId: f.ruleId, logicalId: f.logicalId, level: f.level, message: f.message }));
}

const bucketWithDeny = (condition: string, bucket = '!Ref Bucket') => `
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: ${bucket}
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource: !Sub "\${Bucket.Arn}/*"
            Condition:
${condition}
`;

describe('condition keys and operators are case-insensitive; IfExists is read', () => {
  test.each([
    ['Bool / aws:SecureTransport', '              Bool:\n                aws:SecureTransport: "false"'],
    ['bool / AWS:SECURETRANSPORT, FALSE', '              bool:\n                AWS:SECURETRANSPORT: "FALSE"'],
    ['BoolIfExists / aws:securetransport (also denies a request without the key)', '              BoolIfExists:\n                aws:securetransport: false'],
  ])('a TLS deny written %s counts', (_, condition) => {
    expect(findings(bucketWithDeny(condition), [S3DenyInsecureTransport])).toEqual([]);
  });

  test.each([
    ['testing another key', '              Bool:\n                aws:SourceVpce: "false"'],
    ['narrowed by a further condition', '              Bool:\n                aws:SecureTransport: "false"\n              StringEquals:\n                aws:PrincipalAccount: "111111111111"'],
    ['set-qualified (ForAnyValue:Bool)', '              ForAnyValue:Bool:\n                aws:SecureTransport: "false"'],
    ['denying TLS requests (true)', '              Bool:\n                aws:SecureTransport: "true"'],
  ])('a deny %s does not', (_, condition) => {
    expect(findings(bucketWithDeny(condition), [S3DenyInsecureTransport])).toEqual([expect.objectContaining({ ruleId: 'DPP-2.5-S3DenyInsecureTransport', level: 'error' })]);
  });

  test('a restricting condition counts in any letter case; IfExists and Null never restrict', () => {
    const queue = (operator: string, key = 'aws:SourceAccount', value = '"111111111111"') => `
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Policy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: sqs:SendMessage
            Resource: !GetAtt Queue.Arn
            Condition: { ${operator}: { ${key}: ${value} } }
`;
    expect(findings(queue('stringequals', 'AWS:SOURCEACCOUNT'), [NoPublicPrincipal])).toEqual([]);
    expect(findings(queue('ArnLike', 'aws:sourcearn', '"arn:aws:sns:eu-west-1:111111111111:alerts"'), [NoPublicPrincipal])).toEqual([]);
    expect(findings(queue('StringEqualsIfExists'), [NoPublicPrincipal])).toEqual([expect.objectContaining({ level: 'error' })]);
    expect(findings(queue('Null', 'aws:SourceAccount', '"false"'), [NoPublicPrincipal])).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  test('conditionTests reads operator, qualifier, IfExists and key in any case', () => {
    expect(conditionTests({ 'forAnyValue:StringLikeIfExists': { 'AWS:PrincipalTag/Team': ['a'] } })).toEqual([
      { operator: 'forAnyValue:StringLikeIfExists', base: 'stringlike', ifExists: true, qualifier: 'foranyvalue', key: 'aws:principaltag/team', values: ['a'], intrinsic: false },
    ]);
  });
});

test('NotPrincipal: an Allow to everyone but a few is public; a TLS deny sparing some principals does not count', () => {
  const tlsDeny = bucketWithDeny('              Bool:\n                aws:SecureTransport: "false"').replace('Principal: "*"', 'NotPrincipal: { AWS: arn:aws:iam::111111111111:role/admin }');
  expect(findings(tlsDeny, [S3DenyInsecureTransport])).toEqual([expect.objectContaining({ level: 'error' })]);
  const allow = tlsDeny.replace('- Effect: Deny', '- Effect: Allow').replace(/\n\s+Condition:[\s\S]*$/, '\n');
  expect(findings(allow, [NoPublicPrincipal])).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(/everyone outside its NotPrincipal/) })]);
});

describe('policies given as JSON strings', () => {
  test('a bucket policy document written as a JSON string is read (JSON template)', () => {
    const document = JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::orders/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });
    const template = JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'orders' } }, Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: document } } } });
    expect(findings(template, [S3DenyInsecureTransport])).toEqual([]);
  });

  test('a public grant in a JSON-string queue policy is found', () => {
    const document = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: '*' }] });
    const template = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' }, Policy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: document } } } });
    expect(findings(template, [NoPublicPrincipal])).toEqual([expect.objectContaining({ ruleId: 'DPP-2.3-NoPublicPrincipal', level: 'error' })]);
  });
});

describe('references written as literals are resolved', () => {
  const namedBucket = (resource: string, bucket = 'orders-prod') =>
    bucketWithDeny('              Bool:\n                aws:SecureTransport: "false"', bucket)
      .replace('    Type: AWS::S3::Bucket\n', '    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: orders-prod\n')
      .replace('!Sub "${Bucket.Arn}/*"', resource);

  test.each([
    ['a literal ARN', '"arn:aws:s3:::orders-prod/*"'],
    ['an ARN built with Fn::Join from pseudo parameters', '!Join ["", ["arn:", !Ref AWS::Partition, ":s3:::orders-prod/*"]]'],
  ])('a bucket policy naming its bucket by literal name, the objects by %s', (_, resource) => {
    expect(findings(namedBucket(resource), [S3DenyInsecureTransport])).toEqual([]);
    // The same policy naming another bucket leaves this one without a policy.
    expect(findings(namedBucket(resource, 'other'), [S3DenyInsecureTransport])).toEqual([expect.objectContaining({ message: expect.stringMatching(/has no bucket policy/) })]);
  });

  /** A topic or queue named `name`, and a policy naming it by `target`, denying `actions` without TLS on `resource`. */
  const namedTarget = (type: string, nameProperty: string, policyType: string, listProperty: string, target: string, actions: string, resource: string) => `
Resources:
  Target:
    Type: ${type}
    Properties: { ${nameProperty}: orders }
  Policy:
    Type: ${policyType}
    Properties:
      ${listProperty}: [${target}]
      PolicyDocument:
        Statement:
          - { Effect: Deny, Principal: "*", Action: ${actions}, Resource: ${resource}, Condition: { Bool: { aws:SecureTransport: false } } }
`;
  const SNS_ARN = '!Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:orders"';

  test('a topic policy naming its topic by an ARN built with Fn::Sub', () => {
    expect(findings(namedTarget('AWS::SNS::Topic', 'TopicName', 'AWS::SNS::TopicPolicy', 'Topics', SNS_ARN, 'sns:Publish', SNS_ARN), [SnsDenyInsecureTransport])).toEqual([]);
  });

  test('a queue policy naming its queue by a URL built with Fn::Join', () => {
    const url = '!Join ["", ["https://sqs.", !Ref AWS::Region, ".amazonaws.com/", !Ref AWS::AccountId, "/orders"]]';
    const arn = '!Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders"';
    expect(findings(namedTarget('AWS::SQS::Queue', 'QueueName', 'AWS::SQS::QueuePolicy', 'Queues', url, '[sqs:SendMessage, sqs:ReceiveMessage]', arn), [SqsDenyInsecureTransport])).toEqual([]);
  });
});

describe('foreign accounts', () => {
  const key = (principals: string) => `
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - Effect: Allow
            Principal: { AWS: [${principals}] }
            Action: kms:*
            Resource: "*"
`;
  test('two different literal accounts: at least one is foreign wherever the stack deploys (error)', () => {
    expect(findings(key('"arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"'), [KmsKeyPolicyOwnAccount])).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/111111111111 and 222222222222.*at least one/) }),
    ]);
  });

  test('one literal account with the stack account unknown: a warning', () => {
    expect(findings(key('"arn:aws:iam::111111111111:root"'), [KmsKeyPolicyOwnAccount])).toEqual([expect.objectContaining({ level: 'warning' })]);
  });

  test('the own account, known: compliant', () => {
    expect(findings(key('"arn:aws:iam::111111111111:root"'), [KmsKeyPolicyOwnAccount], '111111111111')).toEqual([]);
  });
});

test('actions match IAM wildcards case-insensitively, with no RegExp limit on the pattern', () => {
  expect(actionMatches('S3:Get*', 's3:GetObject')).toBe(true);
  expect(actionMatches('s3:?etObject', 's3:GetObject')).toBe(true);
  expect(actionMatches('s3:Put*', 's3:GetObject')).toBe(false);
  expect(actionMatches('*', 'sts:AssumeRoleWithWebIdentity')).toBe(true);
  expect(actionMatches('*'.repeat(100_000), 'sts:AssumeRole')).toBe(true);
  expect(actionMatches(`${'*a'.repeat(1000)}b`, 'a'.repeat(50))).toBe(false);
});

describe('property: condition keys and operators in any letter case', () => {
  const anyCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));
  const falseValue = fc.constantFrom<unknown>(false, 'false', 'FALSE', 'False', ['false']);

  test('a TLS deny is recognised, and a deny testing another key never is', () => {
    fc.assert(fc.property(anyCase('BoolIfExists').map((o) => (o.length ? o : 'Bool')), fc.boolean(), anyCase('aws:SecureTransport'), falseValue, (ifExists, useIfExists, key, value) => {
      const operator = useIfExists ? ifExists : ifExists.slice(0, 4);
      const deny = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::orders/*', Condition: { [operator]: { [key]: value } } };
      const template = (statement: unknown) => JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'orders' } }, Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: 'orders', PolicyDocument: { Statement: [statement] } } } } });
      expect(findings(template(deny), [S3DenyInsecureTransport])).toEqual([]);
      const other = { ...deny, Condition: { [operator]: { [`${key}x`]: value } } };
      expect(findings(template(other), [S3DenyInsecureTransport])).toHaveLength(1);
    }), { numRuns: Number(process.env.FC_NUM_RUNS) || 100 });
  });

  test('a restricting condition key restricts in any case; with IfExists it never does', () => {
    fc.assert(fc.property(anyCase('StringEquals'), anyCase('aws:SourceAccount'), fc.boolean(), (operator, key, ifExists) => {
      const statement = { Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*', Condition: { [`${operator}${ifExists ? 'IfExists' : ''}`]: { [key]: '111111111111' } } };
      const template = JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' }, Policy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: { Statement: [statement] } } } } });
      expect(findings(template, [NoPublicPrincipal])).toHaveLength(ifExists ? 1 : 0);
    }), { numRuns: Number(process.env.FC_NUM_RUNS) || 100 });
  });
});

describe('IAM attachments written as literal names', () => {
  const MFA_DENY = '{ Effect: Deny, NotAction: [iam:EnableMFADevice, sts:GetSessionToken], Resource: "*", Condition: { BoolIfExists: { aws:MultiFactorAuthPresent: false } } }';
  const template = (attachment: string) => `
Resources:
  Humans:
    Type: AWS::IAM::Group
    Properties: { GroupName: humans }
  Jane:
    Type: AWS::IAM::User
    Properties: { UserName: jane, Groups: [humans], LoginProfile: { Password: "{{resolve:secretsmanager:jane}}" } }
${attachment}
`;
  test.each([
    ['a managed policy naming the group', `  Mfa:\n    Type: AWS::IAM::ManagedPolicy\n    Properties: { Groups: [humans], PolicyDocument: { Statement: [${MFA_DENY}] } }`],
    ['a group policy naming the group', `  Mfa:\n    Type: AWS::IAM::GroupPolicy\n    Properties: { GroupName: humans, PolicyName: mfa, PolicyDocument: { Statement: [${MFA_DENY}] } }`],
    ['the group naming a managed policy by an ARN built with Fn::Sub', `  Mfa:\n    Type: AWS::IAM::ManagedPolicy\n    Properties: { ManagedPolicyName: require-mfa, PolicyDocument: { Statement: [${MFA_DENY}] } }`],
  ])('the group and its console user are held to the MFA policy attached by %s', (name, attachment) => {
    let text = template(attachment);
    if (name.startsWith('the group naming')) text = text.replace('Properties: { GroupName: humans }', 'Properties: { GroupName: humans, ManagedPolicyArns: [!Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/require-mfa"] }');
    expect(findings(text, [ConsoleGroupMfa, ConsoleUserMfaGroup])).toEqual([]);
    expect(findings(template(''), [ConsoleGroupMfa, ConsoleUserMfaGroup]).map((f) => [f.ruleId, f.logicalId])).toEqual(expect.arrayContaining([
      ['DPP-2.2-ConsoleUserMfaGroup', 'Jane'],
      ['DPP-2.4-ConsoleGroupMfa', 'Humans'],
    ]));
  });
});
