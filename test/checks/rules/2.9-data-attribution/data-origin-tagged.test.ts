import { DataOriginTagged } from '../../../../lib/checks/rules/2.9-data-attribution/data-origin-tagged';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const ORIGIN = { Key: 'dpp:data-origin', Value: 'ecartapi' };

describe('DPP-2.9-DataOriginTagged', () => {
  test.each([
    ['an S3 bucket (tag list)', { Type: 'AWS::S3::Bucket', Properties: { Tags: [ORIGIN] } }],
    ['an EFS file system (FileSystemTags)', { Type: 'AWS::EFS::FileSystem', Properties: { FileSystemTags: [ORIGIN] } }],
    ['a global table (every replica tagged)', { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: [{ Region: 'eu-west-1', Tags: [ORIGIN] }, { Region: 'eu-central-1', Tags: [ORIGIN] }] } }],
  ])('passes %s carrying the tag', (_, resource) => {
    expect(findingsOf(DataOriginTagged, { Store: resource } as Resources)).toEqual([]);
  });

  test('does not apply to resources that are not data stores', () => {
    expect(findingsOf(DataOriginTagged, { Queue: { Type: 'AWS::SQS::Queue' } })).toEqual([]);
  });

  test('fails a data store without the tag', () => {
    const [finding, ...rest] = findingsOf(DataOriginTagged, { Db: { Type: 'AWS::RDS::DBCluster', Properties: { Tags: [{ Key: 'dpp:classification', Value: 'pii' }] } } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.9-DataOriginTagged', clause: '2.9', level: 'error', logicalId: 'Db', property: 'Tags' });
    expect(finding.message).toMatch(/has no dpp:data-origin tag/);
  });

  test('fails an empty origin', () => {
    expect(findingsOf(DataOriginTagged, { Db: { Type: 'AWS::Kinesis::Stream', Properties: { Tags: [{ Key: 'dpp:data-origin', Value: ' ' }] } } })).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringMatching(/is empty/) }),
    ]);
  });

  test('fails the one global-table replica without the tag, naming its region', () => {
    const resources: Resources = { Orders: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { Replicas: [{ Region: 'eu-west-1', Tags: [ORIGIN] }, { Region: 'eu-central-1' }] } } };
    expect(findingsOf(DataOriginTagged, resources)).toEqual([
      expect.objectContaining({ level: 'error', property: 'Replicas.1.Tags', message: expect.stringMatching(/no dpp:data-origin tag on replica eu-central-1/) }),
    ]);
  });

  test.each([
    ['a tag value from a parameter', { Tags: [{ Key: 'dpp:data-origin', Value: { Ref: 'Origin' } }] }],
    ['a tag list under Fn::If', { Tags: { 'Fn::If': ['IsProd', [ORIGIN], []] } }],
  ])('warns on %s', (_, properties) => {
    expect(findingsOf(DataOriginTagged, { Bucket: { Type: 'AWS::S3::Bucket', Properties: properties } }, parameters('Origin'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Tags.dpp:data-origin/) }),
    ]);
  });
});
