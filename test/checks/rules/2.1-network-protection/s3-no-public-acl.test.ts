import { S3NoPublicAcl } from '../../../../lib/checks/rules/2.1-network-protection/s3-no-public-acl';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = S3NoPublicAcl;
const bucket = (Properties: Record<string, unknown>) => findingsOf(rule, { B: { Type: 'AWS::S3::Bucket', Properties } }, parameters('Acl'));

describe('DPP-2.1-S3NoPublicAcl', () => {
  test.each([[{}], [{ AccessControl: 'Private' }], [{ AccessControl: 'LogDeliveryWrite' }], [{ AccessControl: 'BucketOwnerFullControl' }]])('passes %j', (props) => {
    expect(bucket(props)).toEqual([]);
  });

  test.each(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'])('fails %s', (acl) => {
    const [finding, ...rest] = bucket({ AccessControl: acl });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-S3NoPublicAcl', clause: '2.1', level: 'error', logicalId: 'B', property: 'AccessControl' });
    expect(finding.message).toContain(`public canned ACL ${acl}`);
  });

  test('warns when the ACL is an intrinsic', () => {
    expect(bucket({ AccessControl: { Ref: 'Acl' } })).toEqual([expect.objectContaining({ level: 'warning', property: 'AccessControl' })]);
    expect(bucket({ AccessControl: { 'Fn::If': ['Open', 'PublicRead', 'Private'] } })).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
