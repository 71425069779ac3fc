import { TemplateIndex } from '../../lib/checks/template-index';
import { storeMonitoring } from '../../lib/reports/store-monitoring';
import { template } from '../helpers/check';

describe('storeMonitoring (the Monitoring column of the record of processing)', () => {
  const index = new TemplateIndex({ id: 'S', stackName: 'S', template: template({
    Bucket: { Type: 'AWS::S3::Bucket' },
    Table: { Type: 'AWS::DynamoDB::Table' },
    Other: { Type: 'AWS::S3::Bucket' },
    Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { AdvancedEventSelectors: [{ FieldSelectors: [
      { Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }, { Field: 'resources.ARN', Equals: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] },
    ] }] } },
    Canary: { Type: 'AWS::Logs::MetricFilter', Properties: { FilterPattern: { 'Fn::Join': ['', ['{ ($.requestParameters.bucketName = "', { Ref: 'Bucket' }, '") && ($.requestParameters.key = "dpp-canary*") }']] } } },
    Anomaly: { Type: 'AWS::CloudWatch::Alarm', Properties: { ThresholdMetricId: 'ad1', Metrics: [{ Id: 'm1', MetricStat: { Metric: { Dimensions: [{ Name: 'TableName', Value: { Ref: 'Table' } }] } } }] } },
  }) });
  const monitoring = storeMonitoring(index);

  test('lists the data-event trail, the canary filter and the anomaly alarm of each store', () => {
    expect(monitoring('Table')).toBe('data events (trail Trail); read-volume anomaly alarm');
    expect(monitoring('Bucket')).toBe('canary-record alarm filter');
    expect(monitoring('Other')).toBe('none declared');
  });
});
