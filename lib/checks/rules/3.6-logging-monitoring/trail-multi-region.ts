import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const TrailMultiRegion = resourceRule({
  id: 'DPP-3.6-TrailMultiRegion',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description: 'CloudTrail trails record every region',
  fix: 'Set IsMultiRegionTrail: true',
  explanation: 'DPP 3.6 Logging and Monitoring requires logs of security events on every channel that reaches Information; API calls in an unwatched region are a blind spot.',
  check: (ctx) => requireTrue(ctx, 'IsMultiRegionTrail', 'trail records one region only (IsMultiRegionTrail is not true)'),
});
