import { App, Stack, Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { S3MinimumTlsVersion } from '../../../../lib/checks/rules/2.5-encryption-in-transit/s3-minimum-tls-version';
import { check, findingsOf, parameters, type Resources } from '../../../helpers/check';

const TLS_DENY = { Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] }], Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } };
const pii = [{ Key: 'dpp:classification', Value: 'pii' }];

function bucket(statements: unknown[] | undefined, tags: unknown = pii): Resources {
  return {
    Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: tags } },
    ...(statements ? { Policy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: statements } } } } : {}),
  };
}

describe('DPP-2.5-S3MinimumTlsVersion', () => {
  test('passes a PII bucket whose policy denies TLS below 1.2 (also written numericlessthan / S3:TLSVERSION)', () => {
    expect(findingsOf(S3MinimumTlsVersion, bucket([TLS_DENY]))).toEqual([]);
    expect(findingsOf(S3MinimumTlsVersion, bucket([{ ...TLS_DENY, Condition: { numericlessthan: { 'S3:TLSVERSION': '1.3' } } }]))).toEqual([]);
  });

  test('passes the policy CDK writes for minimumTLSVersion: 1.2', () => {
    const stack = new Stack(new App(), 'S');
    const b = new s3.Bucket(stack, 'Orders', { enforceSSL: true, minimumTLSVersion: 1.2 });
    Tags.of(b).add('dpp:classification', 'pii');
    expect(check(Template.fromStack(stack).toJSON(), [S3MinimumTlsVersion])).toEqual([]);
  });

  test('passes a bucket that is not PII and does not restrict TLS versions', () => {
    expect(findingsOf(S3MinimumTlsVersion, bucket(undefined, [{ Key: 'dpp:classification', Value: 'internal' }]))).toEqual([]);
  });

  test.each([
    ['a PII bucket without the deny', bucket(undefined), /does not deny every principal s3:\* on its objects when s3:TlsVersion is below 1\.2/],
    ['a deny that admits TLS 1.0 (any bucket)', bucket([{ ...TLS_DENY, Condition: { NumericLessThan: { 's3:TlsVersion': '1.0' } } }], []), /TLS 1\.0 is accepted/],
    ['a deny narrowed by a further condition', bucket([{ ...TLS_DENY, Condition: { ...TLS_DENY.Condition, StringEquals: { 'aws:PrincipalAccount': '111111111111' } } }]), /does not deny/],
  ])('fails %s', (_, resources, message) => {
    expect(findingsOf(S3MinimumTlsVersion, resources)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test('warns when the threshold is a parameter or the classification an Fn::If', () => {
    expect(findingsOf(S3MinimumTlsVersion, bucket([{ ...TLS_DENY, Condition: { NumericLessThan: { 's3:TlsVersion': { Ref: 'Tls' } } } }]), parameters('Tls'))).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(findingsOf(S3MinimumTlsVersion, bucket(undefined, [{ Key: 'dpp:classification', Value: { 'Fn::If': ['Prod', 'pii', 'internal'] } }]))).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
