import { LogGroupRetention } from '../../../../lib/checks/rules/3.6-logging-monitoring/log-group-retention';
import { findingsOf } from '../../../helpers/check';
import { describePropertyRule, expectOneFailure } from '../../../helpers/rule-expectations';

describePropertyRule(LogGroupRetention, 'AWS::Logs::LogGroup', 'RetentionInDays', { good: 90, bad: 30 }, /log group keeps logs 30 days, less than 90/, 'passes');

describe('DPP-3.6-LogGroupRetention edges', () => {
  test('passes a year, fails a week given as a string', () => {
    expect(findingsOf(LogGroupRetention, { L: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } } })).toEqual([]);
    expectOneFailure(findingsOf(LogGroupRetention, { L: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: '7' } } }), LogGroupRetention, 'L', /7 days/);
  });
});
