import { NoPiiLogGroup } from '../../../../lib/checks/rules/3.1-data-retention/no-pii-log-group';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const logGroup = (classification?: unknown): Resources => ({
  Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 90, Tags: classification === undefined ? undefined : [{ Key: 'dpp:classification', Value: classification }] } },
});

describe('DPP-3.1-NoPiiLogGroup', () => {
  test.each(['confidential', 'internal', undefined])('passes a log group classified %s', (classification) => {
    expect(findingsOf(NoPiiLogGroup, logGroup(classification))).toEqual([]);
  });

  test('fails a log group classified pii', () => {
    const [finding, ...rest] = findingsOf(NoPiiLogGroup, logGroup('pii'));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-3.1-NoPiiLogGroup', clause: '3.1', level: 'error', logicalId: 'Logs', property: 'Tags.dpp:classification' });
    expect(finding.message).toMatch(/classified pii, but logs must not hold PII/);
  });

  test.each([
    ['a parameter', { Ref: 'Class' }],
    ['Fn::If', { 'Fn::If': ['IsProd', 'pii', 'internal'] }],
  ])('warns when the classification is %s', (_, value) => {
    expect(findingsOf(NoPiiLogGroup, logGroup(value), parameters('Class'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Tags.dpp:classification/) }),
    ]);
  });
});
