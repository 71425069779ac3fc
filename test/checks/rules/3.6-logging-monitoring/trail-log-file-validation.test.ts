import { TrailLogFileValidation } from '../../../../lib/checks/rules/3.6-logging-monitoring/trail-log-file-validation';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(TrailLogFileValidation, 'AWS::CloudTrail::Trail', 'EnableLogFileValidation', { good: 'true', bad: 'false' }, /log file validation is off/);
