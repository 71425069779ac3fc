import { OpenSearchNodeToNodeEncryption } from '../../../../lib/checks/rules/2.5-encryption-in-transit/opensearch-node-to-node-encryption';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const domain = (enabled?: unknown): Resources => ({ Search: { Type: 'AWS::OpenSearchService::Domain', Properties: { NodeToNodeEncryptionOptions: enabled === undefined ? undefined : { Enabled: enabled } } } });

describe('DPP-2.5-OpenSearchNodeToNodeEncryption', () => {
  test('passes a domain with node-to-node encryption', () => {
    expect(findingsOf(OpenSearchNodeToNodeEncryption, domain(true))).toEqual([]);
  });

  test('fails a domain without node-to-node encryption', () => {
    const [finding, ...rest] = findingsOf(OpenSearchNodeToNodeEncryption, domain());
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-OpenSearchNodeToNodeEncryption', clause: '2.5', level: 'error', logicalId: 'Search', property: 'NodeToNodeEncryptionOptions.Enabled' });
    expect(finding.message).toMatch(/node-to-node encryption is not enabled/);
  });

  test('fails an explicit false', () => {
    expect(findingsOf(OpenSearchNodeToNodeEncryption, domain(false))).toHaveLength(1);
  });

  test.each([
    ['a parameter', { Ref: 'N2n' }],
    ['Fn::If', { 'Fn::If': ['IsProd', true, false] }],
  ])('warns when Enabled is %s', (_, value) => {
    expect(findingsOf(OpenSearchNodeToNodeEncryption, domain(value), parameters('N2n'))).toEqual([expect.objectContaining({ level: 'warning' })]);
  });
});
