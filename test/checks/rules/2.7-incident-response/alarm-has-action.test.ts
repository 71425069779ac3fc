import { AlarmHasAction } from '../../../../lib/checks/rules/2.7-incident-response/alarm-has-action';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const alarm = (properties: Record<string, unknown>, type = 'AWS::CloudWatch::Alarm'): Resources => ({
  Topic: { Type: 'AWS::SNS::Topic' },
  Alarm: { Type: type, Properties: { ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, Threshold: 1, ...properties } },
});

describe('DPP-2.7-AlarmHasAction', () => {
  test('passes an alarm notifying a topic of the template', () => {
    expect(findingsOf(AlarmHasAction, alarm({ AlarmActions: [{ Ref: 'Topic' }] }))).toEqual([]);
  });

  test('passes a composite alarm with an action given by a parameter (present, whatever its value)', () => {
    expect(findingsOf(AlarmHasAction, alarm({ AlarmRule: 'ALARM(a)', AlarmActions: [{ Ref: 'TopicArn' }] }, 'AWS::CloudWatch::CompositeAlarm'), parameters('TopicArn'))).toEqual([]);
  });

  test('fails an alarm without actions', () => {
    const [finding, ...rest] = findingsOf(AlarmHasAction, alarm({}));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.7-AlarmHasAction', clause: '2.7', level: 'error', logicalId: 'Alarm', property: 'AlarmActions' });
    expect(finding.message).toMatch(/no AlarmActions, so nobody is notified/);
  });

  test('fails an empty action list, and a list holding only AWS::NoValue', () => {
    expect(findingsOf(AlarmHasAction, alarm({ AlarmActions: [] }))).toHaveLength(1);
    expect(findingsOf(AlarmHasAction, alarm({ AlarmActions: [{ Ref: 'AWS::NoValue' }] }))).toHaveLength(1);
  });

  test('fails an alarm whose actions are disabled', () => {
    expect(findingsOf(AlarmHasAction, alarm({ AlarmActions: [{ Ref: 'Topic' }], ActionsEnabled: false }))).toEqual([
      expect.objectContaining({ level: 'error', property: 'ActionsEnabled', message: expect.stringMatching(/actions are disabled/) }),
    ]);
  });

  test.each([
    ['AlarmActions is Fn::If', { AlarmActions: { 'Fn::If': ['IsProd', [{ Ref: 'Topic' }], []] } }, 'AlarmActions'],
    ['every action is Fn::If', { AlarmActions: [{ 'Fn::If': ['IsProd', { Ref: 'Topic' }, { Ref: 'AWS::NoValue' }] }] }, 'AlarmActions'],
    ['ActionsEnabled is a parameter', { AlarmActions: [{ Ref: 'Topic' }], ActionsEnabled: { Ref: 'TopicArn' } }, 'ActionsEnabled'],
  ])('warns when %s', (_, properties, property) => {
    expect(findingsOf(AlarmHasAction, alarm(properties), parameters('TopicArn'))).toEqual([
      expect.objectContaining({ level: 'warning', property, message: expect.stringMatching(/^cannot be verified at synth time/) }),
    ]);
  });
});
