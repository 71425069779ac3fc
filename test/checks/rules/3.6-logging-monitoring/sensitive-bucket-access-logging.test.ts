import { SensitiveBucketAccessLogging } from '../../../../lib/checks/rules/3.6-logging-monitoring/sensitive-bucket-access-logging';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const bucket = (logging: unknown, classification: unknown = 'pii') => ({
  Logs: { Type: 'AWS::S3::Bucket', Properties: {} },
  B: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: logging, Tags: [{ Key: 'dpp:classification', Value: classification }] } },
});

describe('DPP-3.6-SensitiveBucketAccessLogging', () => {
  test('passes a PII bucket logging to the log bucket, and one logging into itself', () => {
    expect(findingsOf(SensitiveBucketAccessLogging, bucket({ DestinationBucketName: { Ref: 'Logs' }, LogFilePrefix: 'b/' }))).toEqual([]);
    expect(findingsOf(SensitiveBucketAccessLogging, bucket({}))).toEqual([]);
  });

  test('ignores internal buckets', () => {
    expect(findingsOf(SensitiveBucketAccessLogging, bucket(undefined, 'internal'))).toEqual([]);
  });

  test.each(['pii', 'confidential'])('fails a %s bucket without access logging', (classification) => {
    expectOneFailure(findingsOf(SensitiveBucketAccessLogging, bucket(undefined, classification)), SensitiveBucketAccessLogging, 'B', /sensitive bucket does not log server access/);
  });

  test('warns when logging is chosen by Fn::If', () => {
    expectOneUnresolvable(findingsOf(SensitiveBucketAccessLogging, bucket({ 'Fn::If': ['C', {}, { Ref: 'AWS::NoValue' }] })), 'LoggingConfiguration');
  });

  test('warns when the classification is a parameter', () => {
    expectOneUnresolvable(findingsOf(SensitiveBucketAccessLogging, bucket(undefined, { Ref: 'Class' }), parameters('Class')), 'Tags');
  });
});
