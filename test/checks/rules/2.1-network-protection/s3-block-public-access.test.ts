import { S3BlockPublicAccess } from '../../../../lib/checks/rules/2.1-network-protection/s3-block-public-access';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = S3BlockPublicAccess;
const ALL = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };
const bucket = (Properties: Record<string, unknown>) => findingsOf(rule, { B: { Type: 'AWS::S3::Bucket', Properties } }, parameters('Flag'));

describe('DPP-2.1-S3BlockPublicAccess', () => {
  test('passes a bucket blocking all public access (booleans or strings)', () => {
    expect(bucket({ PublicAccessBlockConfiguration: ALL })).toEqual([]);
    expect(bucket({ PublicAccessBlockConfiguration: { BlockPublicAcls: 'true', BlockPublicPolicy: 'true', IgnorePublicAcls: 'true', RestrictPublicBuckets: 'true' } })).toEqual([]);
  });

  test('fails each flag that is false or missing, naming it', () => {
    const findings = bucket({ PublicAccessBlockConfiguration: { ...ALL, BlockPublicPolicy: false, RestrictPublicBuckets: undefined } });
    expect(findings.map((f) => f.property)).toEqual(['PublicAccessBlockConfiguration.BlockPublicPolicy', 'PublicAccessBlockConfiguration.RestrictPublicBuckets']);
    expect(findings[0]).toMatchObject({ ruleId: 'DPP-2.1-S3BlockPublicAccess', clause: '2.1', level: 'error', logicalId: 'B' });
    expect(findings[0].message).toMatch(/^PublicAccessBlockConfiguration\.BlockPublicPolicy is not true\. Fix: /);
  });

  test('fails once when the configuration is missing', () => {
    expect(bucket({})).toEqual([expect.objectContaining({ level: 'error', property: 'PublicAccessBlockConfiguration', message: expect.stringMatching(/declares no PublicAccessBlockConfiguration/) })]);
  });

  test('warns when a flag or the whole block is an intrinsic', () => {
    expect(bucket({ PublicAccessBlockConfiguration: { ...ALL, IgnorePublicAcls: { Ref: 'Flag' } } })).toEqual([expect.objectContaining({ level: 'warning', property: 'PublicAccessBlockConfiguration.IgnorePublicAcls' })]);
    expect(bucket({ PublicAccessBlockConfiguration: { 'Fn::If': ['Prod', ALL, { Ref: 'AWS::NoValue' }] } })).toEqual([expect.objectContaining({ level: 'warning', property: 'PublicAccessBlockConfiguration' })]);
  });
});
