import { requireTrue } from '../../assert';
import { resourceRule } from '../../types';

export const TrailLogFileValidation = resourceRule({
  id: 'DPP-3.6-TrailLogFileValidation',
  clause: '3.6',
  level: 'error',
  critical: 'prod',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description: 'CloudTrail trails validate their log files',
  fix: 'Set EnableLogFileValidation: true',
  explanation: 'DPP 3.6 Logging and Monitoring requires logs protected from tampering throughout their lifecycle; digest files prove a log was not changed.',
  check: (ctx) => requireTrue(ctx, 'EnableLogFileValidation', 'log file validation is off (EnableLogFileValidation is not true)'),
});
