import { NotPubliclyAccessible } from '../../../../lib/checks/rules/2.1-network-protection/not-publicly-accessible';
import { findingsOf, parameters } from '../../../helpers/check';

const rule = NotPubliclyAccessible;
const of = (Type: string, Properties: Record<string, unknown>) => findingsOf(rule, { Db: { Type, Properties } }, parameters('Public'));

describe('DPP-2.1-NotPubliclyAccessible', () => {
  test.each([
    ['an RDS instance', 'AWS::RDS::DBInstance', { PubliclyAccessible: false }],
    ['an RDS instance ("false")', 'AWS::RDS::DBInstance', { PubliclyAccessible: 'false' }],
    ['an Aurora cluster without the property', 'AWS::RDS::DBCluster', {}],
    ['a Multi-AZ DB cluster', 'AWS::RDS::DBCluster', { DBClusterInstanceClass: 'db.r6gd.large', PubliclyAccessible: false }],
    ['a Redshift cluster left at its private default', 'AWS::Redshift::Cluster', {}],
    ['a DMS replication instance', 'AWS::DMS::ReplicationInstance', { PubliclyAccessible: false }],
  ])('passes %s', (_, type, props) => {
    expect(of(type, props)).toEqual([]);
  });

  test.each([
    ['AWS::RDS::DBInstance', { PubliclyAccessible: true }],
    ['AWS::RDS::DBCluster', { PubliclyAccessible: 'true' }],
    ['AWS::Redshift::Cluster', { PubliclyAccessible: true }],
    ['AWS::DMS::ReplicationInstance', { PubliclyAccessible: true }],
  ])('fails a publicly accessible %s', (type, props) => {
    const [finding, ...rest] = of(type, props);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.1-NotPubliclyAccessible', clause: '2.1', level: 'error', logicalId: 'Db', property: 'PubliclyAccessible' });
    expect(finding.message).toMatch(/publicly accessible .*Fix: Set PubliclyAccessible: false/);
  });

  test.each([
    ['AWS::DMS::ReplicationInstance', {}, /public by default/],
    ['AWS::RDS::DBInstance', { DBSubnetGroupName: 'g' }, /internet gateway/],
    ['AWS::RDS::DBCluster', { DBClusterInstanceClass: 'db.r6gd.large' }, /Multi-AZ DB cluster public/],
  ])('fails %s that leaves PubliclyAccessible to a default that can be public', (type, props, message) => {
    expect(of(type, props)).toEqual([expect.objectContaining({ level: 'error', message: expect.stringMatching(message) })]);
  });

  test.each([
    ['AWS::RDS::DBInstance', { Ref: 'Public' }],
    ['AWS::Redshift::Cluster', { 'Fn::If': ['Prod', false, true] }],
    ['AWS::DMS::ReplicationInstance', { Ref: 'Public' }],
  ])('warns on %s when the value is an intrinsic', (type, value) => {
    expect(of(type, { PubliclyAccessible: value })).toEqual([expect.objectContaining({ level: 'warning', property: 'PubliclyAccessible', message: expect.stringMatching(/^cannot be verified at synth time: PubliclyAccessible/) })]);
  });
});
