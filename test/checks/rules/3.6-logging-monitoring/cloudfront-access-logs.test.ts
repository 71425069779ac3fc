import { CloudFrontAccessLogs } from '../../../../lib/checks/rules/3.6-logging-monitoring/cloudfront-access-logs';
import { findingsOf, parameters } from '../../../helpers/check';
import { expectOneFailure, expectOneUnresolvable } from '../../../helpers/rule-expectations';

const distribution = (logging?: unknown) => ({ D: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { Enabled: true, Logging: logging } } } });

describe('DPP-3.6-CloudFrontAccessLogs', () => {
  test('passes legacy standard logging to a bucket', () => {
    expect(findingsOf(CloudFrontAccessLogs, distribution({ Bucket: 'logs.s3.amazonaws.com', Prefix: 'cf/' }))).toEqual([]);
  });

  test('passes standard logging v2 (delivery source + delivery)', () => {
    const resources = {
      ...distribution(),
      Source: { Type: 'AWS::Logs::DeliverySource', Properties: { Name: 'cf-src', LogType: 'ACCESS_LOGS', ResourceArn: { 'Fn::Sub': 'arn:aws:cloudfront::${AWS::AccountId}:distribution/${D}' } } },
      Dest: { Type: 'AWS::Logs::DeliveryDestination', Properties: { Name: 'cf-dst', DestinationResourceArn: 'arn:aws:s3:::logs' } },
      Delivery: { Type: 'AWS::Logs::Delivery', Properties: { DeliverySourceName: 'cf-src', DeliveryDestinationArn: { 'Fn::GetAtt': ['Dest', 'Arn'] } } },
    };
    expect(findingsOf(CloudFrontAccessLogs, resources)).toEqual([]);
  });

  test('fails a distribution without logging (a delivery source alone delivers nothing)', () => {
    const resources = {
      ...distribution(),
      Source: { Type: 'AWS::Logs::DeliverySource', Properties: { Name: 'cf-src', LogType: 'ACCESS_LOGS', ResourceArn: { 'Fn::Sub': 'arn:aws:cloudfront::${AWS::AccountId}:distribution/${D}' } } },
    };
    expectOneFailure(findingsOf(CloudFrontAccessLogs, resources), CloudFrontAccessLogs, 'D', /distribution does not log access/);
  });

  test.each([
    ['a parameter', { Bucket: { Ref: 'LogBucket' } }],
    ['Fn::If', { 'Fn::If': ['C', { Bucket: 'logs.s3.amazonaws.com' }, { Ref: 'AWS::NoValue' }] }],
  ])('warns when the log bucket is %s', (_, logging) => {
    expectOneUnresolvable(findingsOf(CloudFrontAccessLogs, distribution(logging), parameters('LogBucket')), 'DistributionConfig.Logging');
  });
});
