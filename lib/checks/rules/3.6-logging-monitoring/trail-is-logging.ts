import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const TrailIsLogging = resourceRule({
  id: 'DPP-3.6-TrailIsLogging',
  clause: '3.6',
  level: 'error',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description: 'CloudTrail trails are logging',
  fix: 'Set IsLogging: true',
  explanation: 'DPP 3.6 Logging and Monitoring requires security events to be logged; a trail that is not logging records nothing, however well it is configured.',
  check: (ctx) => requireTrue(ctx, 'IsLogging', 'the trail is not logging (IsLogging is not true)'),
});
