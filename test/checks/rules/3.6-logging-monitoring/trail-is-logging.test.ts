import { TrailIsLogging } from '../../../../lib/checks/rules/3.6-logging-monitoring/trail-is-logging';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(TrailIsLogging, 'AWS::CloudTrail::Trail', 'IsLogging', { good: true, bad: false }, /the trail is not logging/);
