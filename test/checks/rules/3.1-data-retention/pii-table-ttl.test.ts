import { PiiTableTtl } from '../../../../lib/checks/rules/3.1-data-retention/pii-table-ttl';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const PII = [{ Key: 'dpp:classification', Value: 'pii' }];
const TTL = { AttributeName: 'expiresAt', Enabled: true };

const table = (ttl: unknown, tags: unknown = PII): Resources => ({ Orders: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [], Tags: tags, TimeToLiveSpecification: ttl } } });

const globalTable = (ttl: unknown, replicaTags: unknown[]): Resources => ({
  Orders: { Type: 'AWS::DynamoDB::GlobalTable', Properties: { KeySchema: [], TimeToLiveSpecification: ttl, Replicas: replicaTags.map((Tags, i) => ({ Region: i === 0 ? 'eu-west-1' : 'eu-central-1', Tags })) } },
});

describe('DPP-3.1-PiiTableTtl', () => {
  test('passes a PII table with TTL', () => {
    expect(findingsOf(PiiTableTtl, table(TTL))).toEqual([]);
  });

  test('passes a non-PII table without TTL', () => {
    expect(findingsOf(PiiTableTtl, table(undefined, [{ Key: 'dpp:classification', Value: 'internal' }]))).toEqual([]);
  });

  test('fails a PII table without TTL', () => {
    const [finding, ...rest] = findingsOf(PiiTableTtl, table(undefined));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-3.1-PiiTableTtl', clause: '3.1', level: 'error', logicalId: 'Orders', property: 'TimeToLiveSpecification.Enabled' });
    expect(finding.message).toMatch(/no Time to Live/);
  });

  test('fails a PII global table (classified on its replicas) without TTL', () => {
    expect(findingsOf(PiiTableTtl, globalTable({ AttributeName: 'x', Enabled: false }, [PII, PII]))).toEqual([expect.objectContaining({ level: 'error', logicalId: 'Orders' })]);
    expect(findingsOf(PiiTableTtl, globalTable(TTL, [PII, PII]))).toEqual([]);
  });

  test.each([
    ['TTL Enabled is a parameter', table({ AttributeName: 'x', Enabled: { Ref: 'Ttl' } }), 'TimeToLiveSpecification.Enabled'],
    ['the classification is Fn::If', table(undefined, [{ Key: 'dpp:classification', Value: { 'Fn::If': ['IsProd', 'pii', 'internal'] } }]), 'Tags.dpp:classification'],
    ['global-table replicas disagree on the classification', globalTable(undefined, [PII, [{ Key: 'dpp:classification', Value: 'internal' }]]), 'Tags.dpp:classification'],
  ])('warns when %s', (_, resources, property) => {
    expect(findingsOf(PiiTableTtl, resources, parameters('Ttl'))).toEqual([
      expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) }),
    ]);
  });
});
