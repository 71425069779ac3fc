import { RedshiftRequireSsl } from '../../../../lib/checks/rules/2.5-encryption-in-transit/redshift-require-ssl';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

function redshift(group: unknown, requireSsl?: unknown): Resources {
  const resources: Resources = { Warehouse: { Type: 'AWS::Redshift::Cluster', Properties: { ClusterType: 'single-node', ClusterParameterGroupName: group } } };
  if (requireSsl !== undefined) {
    resources.Params = { Type: 'AWS::Redshift::ClusterParameterGroup', Properties: { ParameterGroupFamily: 'redshift-1.0', Description: 'x', Parameters: [{ ParameterName: 'require_ssl', ParameterValue: requireSsl }] } };
  }
  return resources;
}

describe('DPP-2.5-RedshiftRequireSsl', () => {
  test('passes a cluster whose parameter group sets require_ssl true', () => {
    expect(findingsOf(RedshiftRequireSsl, redshift({ Ref: 'Params' }, 'true'))).toEqual([]);
  });

  test('fails a cluster on the default parameter group', () => {
    const [finding, ...rest] = findingsOf(RedshiftRequireSsl, redshift(undefined));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-RedshiftRequireSsl', clause: '2.5', level: 'error', logicalId: 'Warehouse', property: 'ClusterParameterGroupName' });
    expect(finding.message).toMatch(/default parameter group, which does not set require_ssl = true/);
  });

  test('fails a group that sets require_ssl false', () => {
    expect(findingsOf(RedshiftRequireSsl, redshift({ Ref: 'Params' }, 'false'))).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('sets require_ssl = false') })]);
  });

  test.each([
    ['the group is a parameter', redshift({ Ref: 'Group' })],
    ['require_ssl is Fn::If', redshift({ Ref: 'Params' }, { 'Fn::If': ['IsProd', 'true', 'false'] })],
  ])('warns when %s', (_, resources) => {
    expect(findingsOf(RedshiftRequireSsl, resources, parameters('Group'))).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time/) })]);
  });
});
