import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { SqsDenyInsecureTransport } from '../../../../lib/checks/rules/2.5-encryption-in-transit/sqs-deny-insecure-transport';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const DENY = { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Condition: { Bool: { 'aws:SecureTransport': false } } };

function queueWithPolicy(statement: unknown): Resources {
  return {
    Queue: { Type: 'AWS::SQS::Queue' },
    Policy: { Type: 'AWS::SQS::QueuePolicy', Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: { Statement: [statement] } } },
  };
}

describe('DPP-2.5-SqsDenyInsecureTransport', () => {
  test('passes a queue whose policy denies sqs:* without TLS (boolean false condition)', () => {
    expect(findingsOf(SqsDenyInsecureTransport, queueWithPolicy(DENY))).toEqual([]);
  });

  test('passes the policy CDK writes for enforceSSL: true', () => {
    const stack = new Stack(new App(), 'S');
    new sqs.Queue(stack, 'Work', { enforceSSL: true });
    expect(check(Template.fromStack(stack).toJSON(), [SqsDenyInsecureTransport])).toEqual([]);
  });

  test('fails a queue without a queue policy', () => {
    const [finding, ...rest] = findingsOf(SqsDenyInsecureTransport, { Queue: { Type: 'AWS::SQS::Queue' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-SqsDenyInsecureTransport', clause: '2.5', level: 'error', logicalId: 'Queue' });
    expect(finding.message).toMatch(/no queue policy/);
  });

  test('fails a deny of sending only (receiving stays open over HTTP)', () => {
    expect(findingsOf(SqsDenyInsecureTransport, queueWithPolicy({ ...DENY, Action: 'sqs:SendMessage' }))).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/sqs:SendMessage\/sqs:ReceiveMessage/) }),
    ]);
  });

  test('warns when the Effect is given by Fn::If', () => {
    const findings = findingsOf(SqsDenyInsecureTransport, queueWithPolicy({ ...DENY, Effect: { 'Fn::If': ['IsProd', 'Deny', 'Allow'] } }), parameters());
    expect(findings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });

  test('warns when the SecureTransport condition value is a parameter', () => {
    const findings = findingsOf(SqsDenyInsecureTransport, queueWithPolicy({ ...DENY, Condition: { Bool: { 'aws:SecureTransport': { Ref: 'Flag' } } } }), parameters('Flag'));
    expect(findings).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
