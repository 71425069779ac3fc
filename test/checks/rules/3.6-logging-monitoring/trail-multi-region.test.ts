import { TrailMultiRegion } from '../../../../lib/checks/rules/3.6-logging-monitoring/trail-multi-region';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(TrailMultiRegion, 'AWS::CloudTrail::Trail', 'IsMultiRegionTrail', { good: true, bad: false }, /trail records one region only/);
